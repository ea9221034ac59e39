-- One row per canonical indicator: spelling variants collapse through the indicator_synonyms seed.
-- The usual base unit and kind are the most frequent ones; a tie goes to the greater value, so the
-- answer does not depend on the order rows are stored in (fct tables are built incrementally).
with quantities as (
    select * from {{ ref('int_quantities_canonicalised') }}
),

unit_counts as (
    select indicator_key, base_unit, count(*) as n
    from quantities
    group by indicator_key, base_unit
),

kind_counts as (
    select indicator_key, kind, count(*) as n
    from quantities
    group by indicator_key, kind
),

usual as (
    select
        unit_counts.indicator_key,
        arg_max(unit_counts.base_unit, (unit_counts.n, unit_counts.base_unit)) as usual_base_unit
    from unit_counts
    group by unit_counts.indicator_key
),

usual_kinds as (
    select
        kind_counts.indicator_key,
        arg_max(kind_counts.kind, (kind_counts.n, kind_counts.kind)) as usual_kind
    from kind_counts
    group by kind_counts.indicator_key
),

final as (
    select
        quantities.indicator_key,
        quantities.indicator_name,
        list_sort(list_distinct(list(quantities.indicator_text))) as spellings,
        any_value(usual.usual_base_unit) as usual_base_unit,
        any_value(usual_kinds.usual_kind) as usual_kind,
        count(*) as n_records
    from quantities
    left join usual
        on quantities.indicator_key = usual.indicator_key
    left join usual_kinds
        on quantities.indicator_key = usual_kinds.indicator_key
    group by quantities.indicator_key, quantities.indicator_name
)

select * from final
