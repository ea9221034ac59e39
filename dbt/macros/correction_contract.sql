{#- The fields reviewers may correct and how raw.corrections stores each (corrected_text,
    corrected_number, or corrected_number as a whole number). They repeat
    flows/corrections/contract.py (CORRECTABLE_FIELDS, STORAGE), which also decides which field
    belongs to which record type; tests/corrections/test_contract.py fails when the two drift apart. -#}
{% macro correction_fields() -%}
    {{ return({
        'indicator_text': 'text',
        'value': 'number',
        'value_min': 'number',
        'value_max': 'number',
        'unit': 'text',
        'comparator': 'text',
        'kind': 'text',
        'project_name': 'text',
        'stage': 'text',
        'category': 'text',
        'project_count': 'integer',
        'total_investment': 'number',
        'annual_investment': 'number',
    }) }}
{%- endmacro %}

{#- The mart a record of each type becomes (as flows/quality/whole_checks.py RECORD_MARTS says). -#}
{% macro record_mart(record_type) -%}
    case {{ record_type }}
        when 'target' then 'fct_target'
        when 'achievement' then 'fct_achievement'
        when 'project' then 'fct_project_milestone'
        when 'portfolio' then 'fct_project_portfolio'
    end
{%- endmacro %}

{#- A product rounded to 12 significant digits, as the extractor rounds value * factor
    (1.2 * 1e4 is 11999.999999999998 in binary): flows/extract/units.py::_round. -#}
{% macro significant(expression) -%}
    case when ({{ expression }}) = 0 then 0
         else round({{ expression }}, cast(11 - floor(log10(abs({{ expression }}))) as integer)) end
{%- endmacro %}
