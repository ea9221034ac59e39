{#- Record-level models are incremental by document: a build processes only the documents whose
    version (int_document_versions: a digest of its raw rows and of the reviewers' corrections of
    its records) differs from the version this model last built, and deletes the rows of documents
    that changed or are no longer loaded.

    Each model keeps what it built in intermediate.incremental_documents (model, document, version,
    dbt project digest), written by its post-hook in the same transaction as its rows. So a model
    never trusts another's progress: a build that died half-way, a partial selection (the feeds
    flow's) or a model added later each catch up on their own next build, and a rerun of the same
    versions processes nothing.

    Code is not part of a document's version: when the dbt project changes (models, macros, seeds),
    flows/transform/dbt_build.py asks for --full-refresh, which rebuilds every model whole. It reads
    the digest the state was built with from this table.

    Usage in a model:
        {{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
                  pre_hook="{{ delete_changed_documents('document_key') }}",
                  post_hook=["{{ forget_built_documents() }}", "{{ remember_built_documents() }}"]) }}
        -- depends_on: {{ ref('int_document_versions') }}
        ... where {{ document_needs_build('document_id') }}
-#}

{% macro incremental_state() -%}
    intermediate.incremental_documents
{%- endmacro %}

{#- Created before any model (on-run-start), so the hooks and filters can always read it. -#}
{% macro create_incremental_state() -%}
    create schema if not exists intermediate;
    create table if not exists {{ incremental_state() }} (
        model_name       varchar not null,
        document_id      varchar not null,
        document_version varchar not null,
        project_digest   varchar not null
    )
{%- endmacro %}

{#- Documents loaded now whose current version this model has not built. -#}
{% macro changed_documents() -%}
    select versions.document_id
    from {{ ref('int_document_versions') }} as versions
    anti join {{ incremental_state() }} as built
        on built.model_name = '{{ this.identifier }}'
        and built.document_id = versions.document_id
        and built.document_version = versions.document_version
{%- endmacro %}

{#- Documents this model built that are no longer loaded (removed, or set aside as a duplicate). -#}
{% macro gone_documents() -%}
    select built.document_id
    from {{ incremental_state() }} as built
    anti join {{ ref('int_document_versions') }} as versions
        on built.document_id = versions.document_id
    where built.model_name = '{{ this.identifier }}'
{%- endmacro %}

{#- A unit test renders its model with no relation of its own (`this` is none): never incremental. -#}
{% macro building_incrementally() -%}
    {%- do return(this is not none and is_incremental()) -%}
{%- endmacro %}

{#- A filter for the model's import CTE: only the changed documents on an incremental build. -#}
{% macro document_needs_build(column) -%}
    {%- if building_incrementally() -%}
        {{ column }} in ({{ changed_documents() }})
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{#- pre-hook: rows of changed and gone documents leave before the changed ones are inserted again. -#}
{% macro delete_changed_documents(column) -%}
    {%- if building_incrementally() -%}
        delete from {{ this }}
        where {{ column }} in ({{ changed_documents() }} union all {{ gone_documents() }})
    {%- endif -%}
{%- endmacro %}

{#- post-hooks, inside the model's transaction: this model now holds every loaded document's current version. -#}
{% macro forget_built_documents() -%}
    delete from {{ incremental_state() }} where model_name = '{{ this.identifier }}'
{%- endmacro %}

{% macro remember_built_documents() -%}
    insert into {{ incremental_state() }}
    select '{{ this.identifier }}', document_id, document_version, '{{ var("project_digest", "") }}'
    from {{ ref('int_document_versions') }}
{%- endmacro %}
