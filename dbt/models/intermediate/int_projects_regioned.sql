{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_changed_documents('document_id') }}",
          post_hook=["{{ forget_built_documents() }}", "{{ remember_built_documents() }}"]) }}
-- depends_on: {{ ref('int_document_versions') }}
-- Project records with the division their name places them in, looked up within the
-- document's province first (short names like 青田 repeat across provinces). A line between two
-- divisions (诸暨市、嵊州市) is keyed to the first: a project has one home division.
with records as (
    select * from {{ ref('int_records_passed') }}
    where record_type = 'project'
        and {{ document_needs_build('document_id') }}
),

documents as (
    select * from {{ ref('int_documents_regioned') }}
),

regions as (
    select * from {{ ref('regions') }}
),

candidates as (
    select
        records.record_id,
        regions.region_code,
        row_number() over (
            partition by records.record_id
            order by (regions.province_code = documents.province_code) desc nulls last,
                     case regions.level when 'country' then 0 when 'province' then 1 when 'city' then 2 else 3 end,
                     regions.region_code
        ) as preference
    from records
    inner join documents
        on records.document_id = documents.document_id
    inner join regions
        on split_part(records.region_name, '、', 1) = regions.region_name
),

final as (
    select
        records.*,
        coalesce(candidates.region_code, documents.region_code) as region_code,
        documents.plan_year,
        md5(concat_ws('|', records.project_name, coalesce(candidates.region_code, documents.region_code, ''))) as project_key
    from records
    inner join documents
        on records.document_id = documents.document_id
    left join candidates
        on records.record_id = candidates.record_id
        and candidates.preference = 1
)

select * from final
