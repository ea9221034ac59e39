{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_changed_documents('document_key') }}",
          post_hook=["{{ forget_built_documents() }}", "{{ remember_built_documents() }}"]) }}
-- depends_on: {{ ref('int_document_versions') }}
-- A project's planned stage as one report states it (建成 / 加快推进 / 开工建设 / 前期).
with projects as (
    select * from {{ ref('int_projects_regioned') }}
    where {{ document_needs_build('document_id') }}
),

final as (
    select
        record_id as milestone_key,
        project_key,
        document_id as document_key,
        region_code,
        record_year as milestone_year,
        stage,
        category,
        project_name,
        source_text,
        char_start,
        char_end,
        section_path,
        extractor_version,
        confidence
    from projects
)

select * from final
