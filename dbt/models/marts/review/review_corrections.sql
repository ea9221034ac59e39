-- Every reviewer's correction that names a record, with the value it replaced: who, why, when, and
-- where it was written. A corrected record that still fails a row-level check is set aside like any
-- other (record_set_aside), so a correction never bypasses the gates.
with corrections as (
    select * from {{ ref('stg_planwatch__corrections') }}
),

records as (
    select * from {{ ref('stg_planwatch__records') }}
),

failures as (
    select distinct record_id from {{ ref('int_record_check_failures') }}
),

final as (
    select
        corrections.correction_id as correction_key,
        {{ record_mart('records.record_type') }} as table_name,
        corrections.record_key,
        corrections.field,
        case corrections.field
            {%- for field in correction_fields() %}
            when '{{ field }}' then cast(records.{{ field }} as varchar)
            {%- endfor %}
        end as original_value,
        corrections.corrected_value,
        corrections.reviewer,
        corrections.reason,
        corrections.corrected_on,
        corrections.source_file,
        corrections.source_line,
        failures.record_id is not null as record_set_aside
    from corrections
    inner join records
        on corrections.record_key = records.record_id
    left join failures
        on corrections.record_key = failures.record_id
)

select * from final
