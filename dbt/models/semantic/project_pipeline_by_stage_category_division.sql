-- Project pipeline by stage × category × division: how many projects each plan year puts at each
-- stage, per province, city and county (counties roll up to their city through dim_region's
-- parent_code; a county-level division directly under a province has no city).
with milestones as (
    select * from {{ published_ref('fct_project_milestone') }}
),

regions as (
    select * from {{ published_ref('dim_region') }}
),

placed as (
    select
        milestones.project_key,
        milestones.milestone_year,
        milestones.stage,
        coalesce(milestones.category, '(no category)') as category,
        regions.level as region_level,
        regions.province_code,
        case
            when regions.level = 'city' then regions.region_code
            when regions.level = 'county' and parents.level = 'city' then parents.region_code
        end as city_code,
        case when regions.level = 'county' then regions.region_code end as county_code
    from milestones
    left join regions
        on milestones.region_code = regions.region_code
    left join regions as parents
        on regions.parent_code = parents.region_code
),

counted as (
    select
        milestone_year,
        stage,
        category,
        province_code,
        city_code,
        county_code,
        any_value(region_level) as region_level,
        cast(count(distinct project_key) as bigint) as n_projects
    from placed
    group by milestone_year, stage, category, province_code, city_code, county_code
),

final as (
    select
        md5(concat_ws('|', counted.milestone_year, counted.stage, counted.category,
                      coalesce(counted.province_code, ''), coalesce(counted.city_code, ''),
                      coalesce(counted.county_code, ''))) as pipeline_group_key,
        counted.milestone_year,
        counted.stage,
        case counted.stage
            when 'preparatory' then 1 when 'start' then 2 when 'construction' then 3 when 'completed' then 4
        end as stage_order,
        counted.category,
        counted.province_code,
        provinces.region_name as province_name,
        counted.city_code,
        cities.region_name as city_name,
        counted.county_code,
        counties.region_name as county_name,
        coalesce(counties.region_name, cities.region_name, provinces.region_name, '(no division)') as division_name,
        coalesce(counted.region_level, 'none') as division_level,
        counted.n_projects
    from counted
    left join regions as provinces
        on counted.province_code = provinces.region_code
    left join regions as cities
        on counted.city_code = cities.region_code
    left join regions as counties
        on counted.county_code = counties.region_code
)

select * from final
