{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_changed_documents('document_key') }}",
          post_hook=["{{ forget_built_documents() }}", "{{ remember_built_documents() }}"]) }}
-- depends_on: {{ ref('int_document_versions') }}
with quantities as (
    select * from {{ ref('int_quantities_canonicalised') }}
    where record_type = 'achievement'
        and {{ document_needs_build('document_id') }}
),

final as (
    select
        record_id as achievement_key,
        document_id as document_key,
        indicator_key,
        region_code,
        record_year as achievement_year,
        indicator_text,
        value,
        value_min,
        value_max,
        unit,
        comparator,
        value_base,
        value_base_min,
        value_base_max,
        base_unit,
        kind,
        source_text,
        char_start,
        char_end,
        section_path,
        extractor_version,
        confidence
    from quantities
)

select * from final
