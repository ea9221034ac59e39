-- Target attainment by region × policy area × year: how many targets stand at each status.
-- The policy area (政策领域) is the report's outermost heading above the target.
with attainment as (
    select * from {{ published_ref('fct_target_attainment') }}
),

targets as (
    select * from {{ published_ref('fct_target') }}
),

regions as (
    select * from {{ published_ref('dim_region') }}
),

classified as (
    select
        attainment.region_code,
        coalesce(nullif(split_part(targets.section_path, ' / ', 1), ''), '(no heading)') as policy_area,
        attainment.target_year,
        attainment.status
    from attainment
    inner join targets
        on attainment.target_key = targets.target_key
),

counted as (
    select
        region_code,
        policy_area,
        target_year,
        status,
        cast(count(*) as bigint) as n_targets
    from classified
    group by region_code, policy_area, target_year, status
),

final as (
    select
        md5(concat_ws('|', coalesce(counted.region_code, ''), counted.policy_area,
                      counted.target_year, counted.status)) as attainment_group_key,
        counted.region_code,
        coalesce(regions.region_name, '(no region)') as region_name,
        counted.policy_area,
        counted.target_year,
        counted.status,
        case counted.status
            when 'met' then 4 when 'on_track' then 3 when 'at_risk' then 2 when 'off_track' then 1 else 0
        end as status_rank,
        counted.n_targets,
        cast(round(counted.n_targets / sum(counted.n_targets) over (
            partition by counted.region_code, counted.policy_area, counted.target_year), 4) as double) as share_of_group
    from counted
    left join regions
        on counted.region_code = regions.region_code
)

select * from final
