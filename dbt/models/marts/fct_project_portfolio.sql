{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_changed_documents('document_key') }}",
          post_hook=["{{ forget_built_documents() }}", "{{ remember_built_documents() }}"]) }}
-- depends_on: {{ ref('int_document_versions') }}
with records as (
    select * from {{ ref('int_records_passed') }}
    where record_type = 'portfolio'
        and {{ document_needs_build('document_id') }}
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
