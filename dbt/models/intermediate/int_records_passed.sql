{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_changed_documents('document_id') }}",
          post_hook=["{{ forget_built_documents() }}", "{{ remember_built_documents() }}"]) }}
-- depends_on: {{ ref('int_document_versions') }}
-- Records that passed every row-level check of int_record_check_failures: the only records the
-- marts are built from. The others are set aside in marts.review_quarantine, never dropped silently.
with records as (
    select * from {{ ref('int_records_corrected') }}
    where {{ document_needs_build('document_id') }}
),

failures as (
    select * from {{ ref('int_record_check_failures') }}
    where {{ document_needs_build('document_id') }}
),

final as (
    select records.*
    from records
    anti join failures
        on records.record_id = failures.record_id
)

select * from final
