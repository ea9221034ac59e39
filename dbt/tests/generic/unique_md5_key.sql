{#-
`unique` for a key that is an md5 digest in hex (32 characters), as dbt's own `unique` judges it but
grouped on the 128-bit number the digest spells: the text and the number are one to one, so every
repeated key still fails the test, and the hash aggregate holds 16 bytes a key instead of a string.
Over the 20M feed actuals dbt's `unique` held ~1.8 GiB at the memory limit and once ran out of memory
beside another model (tests/bench/results/2026-12-06-large-2fa17dc.md).
A key that is not hex (it reads as no number) fails too: the test never passes a key it could not judge.
-#}
{% test unique_md5_key(model, column_name) %}

select
    try_cast('0x' || {{ column_name }} as uhugeint) as unique_field,
    count(*) as n_records
from {{ model }}
where {{ column_name }} is not null
group by 1
having count(*) > 1 or unique_field is null

{% endtest %}
