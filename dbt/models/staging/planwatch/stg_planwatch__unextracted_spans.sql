with source as (
    select * from {{ source('planwatch', 'unextracted_spans') }}
),

renamed as (
    select
        doc_id || ':' || span_no as span_id,
        doc_id as document_id,
        span_no,
        char_start,
        char_end,
        text as sentence_text,
        nullif(section, '') as section_path
    from source
)

select * from renamed
