-- One row per canonical indicator: spelling variants collapse through the indicator_synonyms seed.
with quantities as (
    select * from {{ ref('int_quantities_canonicalised') }}
),

final as (
    select
        indicator_key,
        indicator_name,
        list_sort(list_distinct(list(indicator_text))) as spellings,
        mode(base_unit order by base_unit) as usual_base_unit,  -- ordered: a tie of two units is settled the same way every build
        mode(kind order by kind) as usual_kind,
        count(*) as n_records
    from quantities
    group by indicator_key, indicator_name
)

select * from final
