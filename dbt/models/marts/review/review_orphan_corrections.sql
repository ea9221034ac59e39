-- Corrections whose record key names no extracted record (the report was removed, or a new
-- extractor no longer reads a record starting there): listed for a reviewer, never dropped silently.
with corrections as (
    select * from {{ ref('stg_planwatch__corrections') }}
),

records as (
    select * from {{ ref('stg_planwatch__records') }}
),

final as (
    select
        corrections.correction_id as correction_key,
        corrections.record_key,
        corrections.field,
        corrections.corrected_value,
        corrections.reviewer,
        corrections.reason,
        corrections.corrected_on,
        corrections.source_file,
        corrections.source_line
    from corrections
    anti join records
        on corrections.record_key = records.record_id
)

select * from final
