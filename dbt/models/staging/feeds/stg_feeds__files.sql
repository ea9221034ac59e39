with source as (
    select * from {{ source('feeds', 'feed_files') }}
),

renamed as (
    select
        file_path,
        feed as feed_name,
        file_hash,
        encoding,
        rows_in,
        rows_loaded,
        rows_quarantined,
        file_error,
        reader_version,
        run_id,
        loaded_at
    from source
)

select * from renamed
