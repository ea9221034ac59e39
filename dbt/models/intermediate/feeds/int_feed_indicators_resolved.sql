{{ config(materialized='table') }}
-- A table: its few thousand names are read by two models and its tests, each of which would
-- otherwise scan every feed actual again for the distinct names (issue 11).
-- Feed indicator names resolved to dim_indicator, per measure. A level ('value') resolves by its
-- canonical name or a known spelling; a growth figure also by its stem (农林牧渔业增加值 + 增速),
-- and only to indicators whose targets are growth. More than one candidate is ambiguous.
{% set growth_word = "'(增速|增长率|增长|增幅|涨幅)$'" %}{# the endings that name a rate of growth #}

with actuals as (
    select distinct indicator_text, measure
    from {{ ref('int_feed_actuals_unioned') }}
    where indicator_text is not null
),

synonyms as (
    select * from {{ ref('indicator_synonyms') }}
),

indicators as (
    select * from {{ ref('dim_indicator') }}
),

normalised as (
    select
        indicator_text,
        measure,
        -- 全市 / 全县 in a release means the publisher's own region, which the row already carries.
        regexp_replace(regexp_replace(indicator_text, '\s', '', 'g'), '^(全省|全市|全县|全区|全国)', '') as plain_name
    from actuals
),

named as (
    select
        *,
        case
            when measure = 'growth' and not regexp_matches(plain_name, {{ growth_word }})
                then plain_name || '增速'
            else plain_name
        end as measure_name
    from normalised
),

canonical as (
    select
        named.*,
        coalesce(synonyms.canonical_indicator, named.measure_name) as canonical_name
    from named
    left join synonyms
        on named.measure_name = synonyms.variant
),

candidates as (
    select
        canonical.indicator_text,
        canonical.measure,
        indicators.indicator_key,
        indicators.indicator_name,
        case
            when indicators.indicator_name = canonical.canonical_name then 1
            when list_contains(indicators.spellings, canonical.measure_name) then 2
            else 3
        end as method_rank
    from canonical
    inner join indicators
        on (
            indicators.indicator_name = canonical.canonical_name
            or list_contains(indicators.spellings, canonical.measure_name)
            or (
                canonical.measure = 'growth'
                and regexp_replace(indicators.indicator_name, {{ growth_word }}, '')
                    = regexp_replace(canonical.canonical_name, {{ growth_word }}, '')
            )
        )
        and (canonical.measure = 'growth') = (coalesce(indicators.usual_kind, '') = 'growth')
),

best as (
    select *
    from candidates
    qualify method_rank = min(method_rank) over (partition by indicator_text, measure)
),

counted as (
    select
        indicator_text,
        measure,
        count(distinct indicator_key) as n_candidates,
        min(indicator_key) as indicator_key,
        list_sort(list_distinct(list(indicator_name))) as candidate_names,
        min(method_rank) as method_rank
    from best
    group by indicator_text, measure
),

final as (
    select
        md5(concat_ws('|', canonical.indicator_text, canonical.measure)) as resolution_key,
        canonical.indicator_text,
        canonical.measure,
        canonical.canonical_name,
        case when counted.n_candidates = 1 then counted.indicator_key end as indicator_key,
        case
            when counted.n_candidates is null then 'unmatched'
            when counted.n_candidates = 1 then 'matched'
            else 'ambiguous'
        end as match_status,
        case counted.method_rank when 1 then 'canonical_name' when 2 then 'spelling' when 3 then 'growth_stem' end as match_method,
        coalesce(counted.n_candidates, 0) as n_candidates,
        counted.candidate_names
    from canonical
    left join counted
        on canonical.indicator_text = counted.indicator_text
        and canonical.measure = counted.measure
)

select * from final
