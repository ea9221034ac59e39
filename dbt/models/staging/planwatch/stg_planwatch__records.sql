with source as (
    select * from {{ source('planwatch', 'records') }}
),

renamed as (
    select
        record_id,
        doc_id as document_id,
        record_no,
        type as record_type,
        text as source_text,
        char_start,
        char_end,
        nullif(section, '') as section_path,
        year as record_year,
        extractor_version,
        nullif(trim(indicator), '') as indicator_text,
        value,
        value_min,
        value_max,
        coalesce(unit, '') as unit,
        comparator,
        value_base,
        value_base_min,
        value_base_max,
        coalesce(base_unit, '') as base_unit,
        kind,
        nullif(strength, '') as strength,
        nullif(trim(name), '') as project_name,
        stage,
        nullif(trim(region), '') as region_name,
        nullif(trim(category), '') as category,
        project_count,
        total_investment,
        annual_investment,
        confidence
    from source
)

select * from renamed
