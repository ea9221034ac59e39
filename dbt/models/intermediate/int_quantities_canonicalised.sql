{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_changed_documents('document_id') }}",
          post_hook=["{{ forget_built_documents() }}", "{{ remember_built_documents() }}"]) }}
-- depends_on: {{ ref('int_document_versions') }}
-- Targets and achievements with one canonical indicator name (indicator_synonyms seed)
-- and the region of the document that states them.
with records as (
    select * from {{ ref('int_records_passed') }}
    where record_type in ('target', 'achievement')
        and {{ document_needs_build('document_id') }}
),

documents as (
    select * from {{ ref('int_documents_regioned') }}
),

synonyms as (
    select * from {{ ref('indicator_synonyms') }}
),

final as (
    select
        records.*,
        coalesce(synonyms.canonical_indicator, records.indicator_text) as indicator_name,
        md5(coalesce(synonyms.canonical_indicator, records.indicator_text)) as indicator_key,
        documents.region_code,
        documents.plan_year
    from records
    inner join documents
        on records.document_id = documents.document_id
    left join synonyms
        on records.indicator_text = synonyms.variant
)

select * from final
