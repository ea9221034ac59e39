with records as (
    select * from {{ ref('int_records_passed') }}
    where record_type = 'portfolio'
),

documents as (
    select * from {{ ref('int_documents_regioned') }}
),

final as (
    select
        records.record_id as portfolio_key,
        records.document_id as document_key,
        documents.region_code,
        records.record_year as portfolio_year,
        records.category,
        records.project_count,
        records.total_investment,
        records.annual_investment,
        records.source_text,
        records.char_start,
        records.char_end,
        records.section_path,
        records.extractor_version,
        records.confidence
    from records
    inner join documents
        on records.document_id = documents.document_id
)

select * from final
