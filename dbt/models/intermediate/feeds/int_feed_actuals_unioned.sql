-- Every figure the feeds report, one row per (feed row, measure): a release row with a value and a
-- year-on-year growth is two actuals, the level (measure 'value') and the growth (measure 'growth').
with releases as (
    select * from {{ ref('stg_feeds__indicator_releases') }}
),

target_actuals as (
    select * from {{ ref('stg_feeds__target_actuals') }}
),

articles as (
    select * from {{ ref('stg_feeds__article_figures') }}
),

tabular as (
    select feed_name, feed_row_id, file_path, file_hash, row_number, region_name, indicator_text,
           period_label, period_start, period_end, period_months, is_cumulative,
           value, unit, value_base, base_unit, yoy_growth, cast(null as varchar) as source_text
    from releases
    union all
    select feed_name, feed_row_id, file_path, file_hash, row_number, region_name, indicator_text,
           period_label, period_start, period_end, period_months, is_cumulative,
           value, unit, value_base, base_unit, yoy_growth, target_text as source_text
    from target_actuals
),

tabular_values as (
    select *, 'value' as measure
    from tabular
    where value is not null
),

tabular_growth as (
    select
        * replace (yoy_growth as value, '%' as unit, yoy_growth as value_base, '%' as base_unit),
        'growth' as measure
    from tabular
    where yoy_growth is not null
),

article_figures as (
    select feed_name, feed_row_id, file_path, file_hash, row_number, region_name, indicator_text,
           period_label, period_start, period_end, period_months, is_cumulative,
           value, unit, value_base, base_unit, cast(null as double) as yoy_growth, figure_text as source_text,
           case when kind = 'growth' then 'growth' else 'value' end as measure
    from articles
),

unioned as (
    select * exclude (yoy_growth) from tabular_values
    union all by name
    select * exclude (yoy_growth) from tabular_growth
    union all by name
    select * exclude (yoy_growth) from article_figures
),

final as (
    select
        md5(concat_ws('|', feed_row_id, measure)) as actual_id,
        feed_name,
        feed_row_id,
        file_path,
        file_hash,
        row_number,
        region_name,
        indicator_text,
        measure,
        period_label,
        period_start,
        period_end,
        period_months,
        is_cumulative,
        year(period_end) as period_year,
        value,
        unit,
        value_base,
        base_unit,
        source_text
    from unioned
)

select * from final
