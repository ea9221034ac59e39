-- One comparison key per project name, from the report (dim_project) and the feeds alike:
-- full-width brackets and spaces folded, a leading province or city name dropped (浙江, 丽水市),
-- a leading county written in full shortened (缙云县 -> 缙云), the affixes of the
-- project_name_affixes seed (项目, 工程, 国道 …) dropped. A drop that would leave fewer than four
-- characters is not made: 丽水机场 stays itself.
with names as (
    select project_name from {{ ref('dim_project') }}
    union
    select project_name from {{ ref('stg_feeds__project_progress') }}
),

regions as (
    select * from {{ ref('regions') }}
),

affixes as (
    select * from {{ ref('project_name_affixes') }}
),

folded as (
    select
        project_name,
        regexp_replace(replace(replace(project_name, '（', '('), '）', ')'), '[\s·]', '', 'g') as name_key
    from names
    where project_name is not null
),

higher_prefixes as (
    select distinct prefix
    from regions, unnest([region_name, short_name]) as t(prefix)
    where level in ('province', 'city') and length(prefix) >= 2
),

{% for step in ['province', 'city'] %}
without_{{ step }} as (
    select
        folded_in.project_name,
        coalesce(arg_max(substr(folded_in.name_key, length(p.prefix) + 1), length(p.prefix)), any_value(folded_in.name_key)) as name_key
    from {{ 'folded' if loop.first else 'without_province' }} as folded_in
    left join higher_prefixes as p
        on starts_with(folded_in.name_key, p.prefix)
        and length(folded_in.name_key) - length(p.prefix) >= 4
    group by folded_in.project_name
),
{% endfor %}

county_shortened as (
    select
        n.project_name,
        coalesce(arg_max(c.short_name || substr(n.name_key, length(c.region_name) + 1), length(c.region_name)),
                 any_value(n.name_key)) as name_key
    from without_city as n
    left join regions as c
        on c.level = 'county'
        and c.short_name is not null
        and c.short_name <> c.region_name
        and starts_with(n.name_key, c.region_name)
    group by n.project_name
),

without_prefix_affix as (
    select
        n.project_name,
        coalesce(arg_max(substr(n.name_key, length(a.affix) + 1), length(a.affix)), any_value(n.name_key)) as name_key
    from county_shortened as n
    left join affixes as a
        on a.position = 'prefix'
        and starts_with(n.name_key, a.affix)
        and length(n.name_key) - length(a.affix) >= 4
    group by n.project_name
),

final as (
    select
        n.project_name,
        coalesce(arg_max(left(n.name_key, length(n.name_key) - length(a.affix)), length(a.affix)), any_value(n.name_key)) as name_key
    from without_prefix_affix as n
    left join affixes as a
        on a.position = 'suffix'
        and ends_with(n.name_key, a.affix)
        and length(n.name_key) - length(a.affix) >= 4
    group by n.project_name
)

select * from final
