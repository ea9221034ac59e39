{#- A ref without the database name ("marts"."fct_target"), for views published in the snapshot:
    a view there must name tables of its own file, whatever the file is called when opened. -#}
{% macro published_ref(model_name) -%}
    {{ ref(model_name).include(database=False) }}
{%- endmacro %}
