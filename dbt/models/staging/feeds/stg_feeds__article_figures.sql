with source as (
    select * from {{ source('feeds', 'feed_article_figures') }}
),

-- A file's path, hash and load time are recorded once, for all its rows (raw.feed_files).
files as (
    select file_id, file_path, file_hash, loaded_at from {{ source('feeds', 'feed_files') }}
),

renamed as (
    select
        md5(concat_ws('|', file_path, row_number)) as feed_row_id,
        'release_articles' as feed_name,
        file_path,
        file_hash,
        row_number,
        title as article_title,
        trim(region) as region_name,
        trim(indicator) as indicator_text,
        sentence,
        figure_text,
        char_start,
        char_end,
        period as period_label,
        period_start,
        period_end,
        period_months,
        is_cumulative,
        value,
        coalesce(unit, '') as unit,
        value_base,
        coalesce(base_unit, '') as base_unit,
        kind,
        extractor_version,
        loaded_at
    from source left join files using (file_id)
)

select * from renamed
