-- Records that passed every row-level check of int_record_check_failures: the only records the
-- marts are built from. The others are set aside in marts.review_quarantine, never dropped silently.
with records as (
    select * from {{ ref('int_records_corrected') }}
),

failures as (
    select * from {{ ref('int_record_check_failures') }}
),

final as (
    select records.*
    from records
    anti join failures
        on records.record_id = failures.record_id
)

select * from final
