{{ config(materialized='table') }}
-- A table: its few thousand names are read by three models and its tests, each of which would
-- otherwise scan every feed actual again for the distinct names (issue 11).
-- Region names as feeds write them (丽水市, 缙云县, 缙云) resolved to one division code. A full
-- name beats a short name; a name still shared by several divisions is ambiguous, never guessed.
with feed_regions as (
    select region_name from {{ ref('int_feed_actuals_unioned') }}
    union
    select county_name from {{ ref('stg_feeds__project_progress') }}
),

regions as (
    select * from {{ ref('regions') }}
),

candidates as (
    select
        feed_regions.region_name,
        regions.region_code,
        case when feed_regions.region_name = regions.region_name then 1 else 2 end as name_rank
    from feed_regions
    inner join regions
        on feed_regions.region_name in (regions.region_name, regions.short_name)
),

best as (
    select region_name, region_code, name_rank
    from candidates
    qualify name_rank = min(name_rank) over (partition by region_name)
),

counted as (
    select region_name, min(region_code) as region_code, count(*) as n_candidates
    from best
    group by region_name
),

final as (
    select
        feed_regions.region_name,
        case when counted.n_candidates = 1 then counted.region_code end as region_code,
        case
            when counted.n_candidates is null then 'unmatched'
            when counted.n_candidates = 1 then 'matched'
            else 'ambiguous'
        end as match_status,
        coalesce(counted.n_candidates, 0) as n_candidates
    from feed_regions
    left join counted
        on feed_regions.region_name = counted.region_name
    where feed_regions.region_name is not null
)

select * from final
