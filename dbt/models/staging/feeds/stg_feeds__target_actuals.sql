with source as (
    select * from {{ source('feeds', 'feed_target_actuals') }}
),

-- A file's path, hash and load time are recorded once, for all its rows (raw.feed_files).
files as (
    select file_id, file_path, file_hash, loaded_at from {{ source('feeds', 'feed_files') }}
),

renamed as (
    select
        md5(concat_ws('|', file_path, row_number)) as feed_row_id,
        'target_actuals' as feed_name,
        file_path,
        file_hash,
        row_number,
        trim(region) as region_name,
        trim(indicator) as indicator_text,
        target_text,
        period as period_label,
        period_start,
        period_end,
        period_months,
        is_cumulative,
        actual as value,
        coalesce(unit, '') as unit,
        actual_base as value_base,
        base_unit,
        growth as yoy_growth,
        target_indicator as parsed_target_indicator,
        target_comparator as parsed_target_comparator,
        target_value_base as parsed_target_value_base,
        target_base_unit as parsed_target_base_unit,
        target_kind as parsed_target_kind,
        loaded_at
    from source left join files using (file_id)
)

select * from renamed
