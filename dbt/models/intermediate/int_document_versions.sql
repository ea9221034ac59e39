{{ config(materialized='table') }}
-- One version per loaded document: what the record-level models are incremental on
-- (macros/incremental_documents.sql). It is a digest of the document's own row (a reload writes a new
-- loaded_at), of its records' rows (so records written without a reload count too) and of the
-- reviewers' corrections of its records, since the overlay (int_records_corrected) changes what
-- every mart shows.
with documents as (
    select * from {{ ref('stg_planwatch__documents') }}
),

corrections as (
    select * from {{ ref('stg_planwatch__corrections') }}
),

records as (
    select * from {{ ref('stg_planwatch__records') }}
),

records_per_document as (
    select
        document_id,
        bit_xor(hash(records)) as records_digest
    from records
    group by document_id
),

-- loaded_at is left out: corrections are reloaded whole every run, unchanged or not.
corrections_per_document as (
    select
        records.document_id,
        md5(string_agg(
            concat_ws('|', corrections.record_key, corrections.field, corrections.corrected_value,
                      corrections.corrected_text, corrections.corrected_number, corrections.corrected_base_unit,
                      corrections.corrected_unit_factor, corrections.reviewer, corrections.reason,
                      corrections.corrected_on, corrections.source_file, corrections.source_line),
            '\n' order by corrections.record_key, corrections.field, corrections.correction_id
        )) as corrections_digest
    from corrections
    inner join records
        on corrections.record_key = records.record_id
    group by records.document_id
),

final as (
    select
        documents.document_id,
        md5(concat_ws('|', hash(documents), coalesce(records_per_document.records_digest, 0),
                      coalesce(corrections_per_document.corrections_digest, ''))) as document_version
    from documents
    left join records_per_document
        on documents.document_id = records_per_document.document_id
    left join corrections_per_document
        on documents.document_id = corrections_per_document.document_id
)

select * from final
