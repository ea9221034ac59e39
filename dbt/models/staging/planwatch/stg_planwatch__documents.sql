with source as (
    select * from {{ source('planwatch', 'documents') }}
),

renamed as (
    select
        doc_id as document_id,
        source_path,
        content_hash,
        encoding,
        nullif(trim(title), '') as title,
        nullif(trim(region), '') as region_name,
        plan_year,
        nullif(document_type, '') as document_type,
        try_cast(nullif(meeting_date, '') as date) as meeting_date,
        n_chars,
        n_records,
        extractor_version,
        loaded_at
    from source
)

select * from renamed
