with source as (
    select * from {{ source('planwatch', 'corrections') }}
),

renamed as (
    select
        md5(source_file || ':' || source_line) as correction_id,
        record_key,
        field,
        corrected_value,
        corrected_text,
        corrected_number,
        corrected_base_unit,
        corrected_unit_factor,
        reviewer,
        reason,
        corrected_on,
        source_file,
        source_line,
        file_hash,
        loaded_at
    from source
)

select * from renamed
