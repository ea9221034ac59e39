with documents as (
    select * from {{ ref('int_documents_regioned') }}
),

final as (
    select
        document_id as document_key,
        title,
        region_name,
        region_code,
        plan_year,
        document_type,
        meeting_date,
        source_path,
        content_hash,
        encoding,
        n_chars,
        n_records,
        extractor_version,
        loaded_at
    from documents
)

select * from final
