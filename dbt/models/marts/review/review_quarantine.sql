-- Everything set aside, and why: files, feed rows and reviewers' corrections the loaders refused, and extracted records
-- that failed a row-level check of int_record_check_failures (check_name says which).
with loads as (
    select * from {{ ref('stg_planwatch__quarantine') }}
),

record_failures as (
    select * from {{ ref('int_record_check_failures') }}
),

documents as (
    select * from {{ ref('stg_planwatch__documents') }}
),

refused_loads as (
    select
        quarantine_id,
        source_kind,
        case source_kind
            when 'report' then 'report_readable'
            when 'corrections' then 'correction_contract'
            else 'feed_contract'
        end as check_name,
        case
            when source_kind like 'feed:%' then 'feed_' || split_part(source_kind, ':', 2)
            when source_kind = 'corrections' then 'corrections'
        end as table_name,
        cast(null as varchar) as record_key,
        file_path,
        file_hash,
        row_number,
        column_name,
        reason,
        raw_value,
        cast(null as varchar) as source_text,
        quarantined_at
    from loads
),

set_aside_records as (
    select
        record_failures.failure_id as quarantine_id,
        'record:' || record_failures.record_type as source_kind,
        record_failures.check_name,
        case record_failures.record_type
            when 'target' then 'fct_target'
            when 'achievement' then 'fct_achievement'
            when 'project' then 'fct_project_milestone'
            when 'portfolio' then 'fct_project_portfolio'
        end as table_name,
        record_failures.record_id as record_key,
        documents.source_path as file_path,
        documents.content_hash as file_hash,
        cast(null as integer) as row_number,
        record_failures.column_name,
        record_failures.reason,
        record_failures.raw_value,
        record_failures.source_text,
        documents.loaded_at as quarantined_at
    from record_failures
    inner join documents
        on record_failures.document_id = documents.document_id
),

final as (
    select * from refused_loads
    union all by name
    select * from set_aside_records
)

select * from final
