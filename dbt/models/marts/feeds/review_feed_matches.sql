-- The reviewers' worklist for feeds: every feed indicator, project or region name that did not
-- resolve to exactly one warehouse entity, with the best candidates and an example row. Adding
-- a row to indicator_synonyms (or fixing the feed) clears an entry on the next run.
with indicators as (
    select * from {{ ref('int_feed_indicators_resolved') }}
    where match_status <> 'matched'
),

indicator_rows as (
    select
        indicator_text,
        measure,
        count(*) as n_rows,
        min(file_path) as example_file_path,
        min(row_number) as example_row_number,
        string_agg(distinct feed_name, ', ' order by feed_name) as feed_names
    from {{ ref('int_feed_actuals_unioned') }}
    group by indicator_text, measure
),

projects as (
    select * from {{ ref('int_feed_projects_resolved') }}
    where match_status <> 'matched'
),

regions as (
    select * from {{ ref('int_feed_regions_resolved') }}
    where match_status <> 'matched'
),

region_rows as (
    select region_name, count(*) as n_rows, min(file_path) as example_file_path, min(row_number) as example_row_number
    from (
        select region_name, file_path, row_number from {{ ref('int_feed_actuals_unioned') }}
        union all
        select county_name, file_path, row_number from {{ ref('stg_feeds__project_progress') }}
    )
    group by region_name
),

unioned as (
    select
        'indicator' as entity,
        indicator_rows.feed_names as feed_name,
        indicators.indicator_text as name_in_feed,
        indicators.measure,
        cast(null as varchar) as region_name,
        indicators.match_status,
        cast(null as double) as match_score,
        array_to_string(indicators.candidate_names, ', ') as candidates,
        indicator_rows.n_rows,
        indicator_rows.example_file_path,
        indicator_rows.example_row_number
    from indicators
    left join indicator_rows
        on indicators.indicator_text = indicator_rows.indicator_text
        and indicators.measure = indicator_rows.measure

    union all

    select
        'project',
        'project_progress',
        project_name,
        cast(null as varchar),
        county_name,
        match_status,
        match_score,
        concat_ws(', ', candidate_name, second_candidate_name),
        n_rows,
        example_file_path,
        example_row_number
    from projects

    union all

    select
        'region',
        cast(null as varchar),
        regions.region_name,
        cast(null as varchar),
        regions.region_name,
        regions.match_status,
        cast(null as double),
        cast(null as varchar),
        region_rows.n_rows,
        region_rows.example_file_path,
        region_rows.example_row_number
    from regions
    left join region_rows
        on regions.region_name = region_rows.region_name
),

final as (
    select
        md5(concat_ws('|', entity, name_in_feed, coalesce(measure, ''), coalesce(region_name, ''))) as review_key,
        *
    from unioned
)

select * from final
