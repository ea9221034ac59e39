with source as (
    select * from {{ source('planwatch', 'quarantine') }}
),

renamed as (
    select
        md5(concat_ws('|', source_kind, file_path, coalesce(cast(row_number as varchar), ''),
                      coalesce(column_name, ''), reason)) as quarantine_id,
        source_kind,
        file_path,
        file_hash,
        row_number,
        column_name,
        reason,
        raw_value,
        quarantined_at
    from source
)

select * from renamed
