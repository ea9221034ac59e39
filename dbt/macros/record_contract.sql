{#- The record contract's vocabularies, as SQL lists for the row checks of int_record_check_failures.
    They repeat flows/extract/records.py (COMPARATORS, KINDS, STAGES); tests/quality/test_row_checks.py
    fails when the two drift apart. Units are not repeated: the `units` seed is the extractor's unit table. -#}
{% macro record_comparators() -%}
    ('=', '>=', '<=', '>', '<', '~', 'between', 'qualitative', '?')
{%- endmacro %}

{% macro record_kinds() -%}
    ('growth', 'change', 'level', 'count', 'amount', 'ratio', 'qualitative')
{%- endmacro %}

{% macro record_stages() -%}
    ('completed', 'construction', 'start', 'preparatory')
{%- endmacro %}
