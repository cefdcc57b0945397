#!/usr/bin/env python3
"""Write the seed corpora of the fuzz targets into tests/fuzz/corpus/<target>/.

Seeds come from the golden-liquid suite (every template, its data and partials), the spec's
recipes (tests/liquid/data/seed/, examples/), the sample customers, and a few hand-written
hostile inputs. Each file is named by the SHA-1 of its bytes, as libFuzzer names its own, so
running this again only adds what is missing. After a fuzzing session, scripts/fuzz.sh --merge
keeps each corpus small.

    python3 tests/fuzz/make_seed_corpus.py [--golden PATH]
"""
import argparse
import hashlib
import json
import os
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "fuzz" / "corpus"

# fuzz_render's option byte: bits 0-1 mode, bit 4 inline errors, bits 5-6 escape, bit 7 origins.
MODE_BITS = {"lax": 0, "strict": 1, "strict2": 2}
INLINE_ERRORS = 16
ESCAPE_JSON = 32
ESCAPE_FORM = 64
ORIGINS = 128

HOSTILE_TEMPLATES = [
    "{{", "{%", "{{ a", "{% if a %}", "{% endif %}", "{% else %}", "{% endraw %}",
    "{% raw %}never closed", "{% comment %}never closed", "{% doc %}x", "{{ 'unterminated }}",
    "{{ a | | | }}", "{{ a | plus: }}", "{{ a | truncate: length: }}", "{{ a..b }}",
    "{{ (1..) }}", "{% for i in (1..1000000000) %}{{ i }}{% endfor %}",
    "{% include 'self' %}", "{% render 'self' %}", "{{ 99999999999999999999 | plus: 1 }}",
    "{{ 10 | divided_by: 0 }}", "{{ 10 | modulo: 0 }}", "{{ 1.0 | divided_by: 0 }}",
    "{{ -9223372036854775808 | abs }}", "{{ 9223372036854775807 | plus: 1 }}",
    "{{ 'a\xff\xfeb' | upcase }}", "\x00{{ a }}\x00", "{{ a\x00b }}",
    "{% liquid\nif a\necho a\nendif\nfor\n %}", "{% liquid assign = %}",
    "{% case %}{% when %}{% endcase %}", "{% cycle %}", "{% tablerow %}{% endtablerow %}",
    "{% if a and or b %}x{% endif %}", "{% assign x = a[a[a[a[b]]]] %}{{ x }}",
    "{{ " + "[" * 200 + "a" + "]" * 200 + " }}", "{% if true %}" * 150,
    "{{ s | split: '' | join: s | size }}", "{{ 'x' | append: 'x' | append: 'x' }}",
    "{% assign s = 'ab' %}{% for i in (1..30) %}{% assign s = s | append: s %}{% endfor %}{{ s.size }}",
    "{{ a.size.size.first.last }}", "{{ -0.0 }}{{ 1e308 | times: 10 }}{{ 0.1 | plus: 0.2 }}",
    "{{ 'now' | date: '%s %N %:z %-d %^a' }}", "{{ '2024-02-30' | date: '%F' }}",
    "{% increment x %}{% decrement x %}{% ifchanged %}{{ x }}{% endifchanged %}",
    "{%- assign a = 1 -%}  {{- a -}}  {%- echo a -%}", "{% # comment %}{%# x %}",
]

HOSTILE_JSON = [
    "{}", "[]", "null", "0", "-0", "1e400", "-1e-400", "18446744073709551616",
    '{"a": 1, "a": 2}', '{"\\u0000": "\\ud800"}', '"\\ud83d\\ude00"', '"\xff"', "[" * 300 + "]" * 300,
    '{"a": [1, 2,]}', "{'a': 1}", '{"a": NaN}', "/* c */ {}", '{"a": "\x01"}', "\ufeff{}",
    '{"text": "' + "x" * 5000 + '"}', '{"n": 123456789012345678901234567890}',
]

HOSTILE_FORMS = [
    "", "a=1", "a=1&b=2", "a=%zz", "a=%4", "=x", "&&", "a=1&", "a", "a+b=c+d", "a=%E2%9C%93",
    "a=%ff%fe", "a=\x00", "a=b c", "a=\xc3\xa9", "email=ada%40example.com&name=Ada+Lovelace",
]

HOSTILE_XML = [
    "<a/>", "<a>x</a>", "<?xml version='1.0'?><a b='c'>&amp;&lt;</a>", "<a>", "</a>", "<a><b></a>",
    "<!DOCTYPE a [<!ENTITY e 'x'>]><a>&e;</a>",
    "<!DOCTYPE l [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>"
    "<!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'><!ENTITY d '&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;'>]>"
    "<l>&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;</l>",
    "<!DOCTYPE a SYSTEM 'file:///etc/passwd'><a/>", "<a>\xff</a>", "<a>\x00</a>",
    "<?xml version='1.0' encoding='UTF-16'?><a/>", "<a xmlns:x='u'><x:b/></a>", "<a><![CDATA[x]]></a>",
    "<Response><Message>Hi</Message></Response>",
]

RESPONSE_BODIES = [
    '{"id": "L-1", "lead": {"id": "L-2"}, "amount": 20}', '{"lead": ', "", "null", "[]",
    '[{"id": 1, "amount": 2}, {"id": 2}]', '{"items": [{"amount": 1.5, "status": "paid"}], '
    '"count": 10, "per_page": 0, "csv": "a,b,c", "created_at": "2024-03-01T12:34:56Z"}',
    '{"data": {"attributes": {"name": "' + "n" * 300 + '"}}}', "<html>502 Bad Gateway</html>",
    '{"amount": 99999999999999999999}', '{"amount": "abc"}', '{"id": "\xff\xfe"}',
    "[" * 2000 + "]" * 2000, '{"id": "x"}garbage',
]


def write(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogateescape")
    directory = CORPUS / target
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / hashlib.sha1(data).hexdigest()
    if not path.exists():
        path.write_bytes(data)
        return 1
    return 0


def hostile(text):
    """Hand-written seeds hold raw bytes: \\xff stays one byte, not UTF-8 for U+00FF."""
    return text.encode("latin-1") if all(ord(c) < 256 for c in text) else text.encode("utf-8")


def render_seed(flags, data, template, partials=None):
    if partials:
        data = dict(data or {})
        data["__partials__"] = partials
    head = bytes([flags]) + (json.dumps(data, ensure_ascii=False).encode() if data else b"")
    body = template.encode("utf-8", "surrogateescape") if isinstance(template, str) else template
    return head + b"\0" + body if data else head + body


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--golden", default=str(ROOT.parent / "shared" / "golden-liquid" / "golden_liquid.json"))
    args = parser.parse_args()
    added = 0
    templates = []  # (source, data, partials, mode)

    if os.path.exists(args.golden):
        with open(args.golden, encoding="utf-8") as f:
            for case in json.load(f)["tests"]:
                tags = case.get("tags", [])
                mode = "strict2" if "strict2" in tags else "strict" if "strict" in tags else "lax"
                templates.append((case["template"], case.get("data"), case.get("templates"), mode))
                for source in (case.get("templates") or {}).values():
                    templates.append((source, case.get("data"), None, mode))
    else:
        print(f"make_seed_corpus: {args.golden} not found, golden seeds skipped")

    customers = [json.loads(line) for line in (ROOT / "examples/records/customers.jsonl").read_text().splitlines() if line.strip()]
    recipes = []  # the spec's recipes with sample customers: also seeded with escaping on
    for path in sorted((ROOT / "tests/liquid/data/seed").glob("*.liquid")) + sorted((ROOT / "examples/templates").glob("*.liquid")):
        source = path.read_text(encoding="utf-8")
        for customer in customers[:2]:
            recipes.append((source, customer, None, "lax"))
    templates += recipes

    for source, data, partials, mode in templates:
        for target in ("fuzz_parse_lax", "fuzz_parse_strict", "fuzz_parse_strict2"):
            added += write(target, source)
        flags = MODE_BITS[mode] | (INLINE_ERRORS if len(source) % 2 else 0)
        added += write("fuzz_render", render_seed(flags, data, source, partials))
    for source, data, _, _ in recipes:
        added += write("fuzz_render", render_seed(ESCAPE_JSON | ORIGINS, data, source))
        added += write("fuzz_render", render_seed(ESCAPE_FORM | ORIGINS, data, source))

    for text in HOSTILE_TEMPLATES:
        raw = hostile(text)
        for target in ("fuzz_parse_lax", "fuzz_parse_strict", "fuzz_parse_strict2"):
            added += write(target, raw)
        added += write("fuzz_render", bytes([0]) + raw)
        added += write("fuzz_render", bytes([INLINE_ERRORS]) + b'{"a": [1, "x", {"b": null}], "s": "\\u00e9\\u0000"}\0' + raw)

    for customer in customers:
        added += write("fuzz_validate_json", json.dumps(customer, ensure_ascii=False))
        added += write("fuzz_response_mapping", bytes([0, 0, 0]) + json.dumps(customer).encode())
    for text in HOSTILE_JSON:
        added += write("fuzz_validate_json", hostile(text))
    for text in HOSTILE_FORMS:
        added += write("fuzz_validate_form", hostile(text))
    for text in HOSTILE_XML:
        added += write("fuzz_validate_xml", hostile(text))
    for i, text in enumerate(RESPONSE_BODIES):
        for definition in range(4):
            added += write("fuzz_response_mapping", bytes([i % 8, i % 6, definition]) + hostile(text))

    for path in sorted((ROOT / "examples/requests").glob("*.json")):
        definition = json.loads(path.read_text(encoding="utf-8"))
        if "body_file" in definition:
            # Inline the body: the fuzz target's definition directory does not exist.
            definition["body"] = (path.parent / definition.pop("body_file")).read_text(encoding="utf-8")
        added += write("fuzz_definition", json.dumps(definition, indent=2, ensure_ascii=False))
        added += write("fuzz_definition", json.dumps(definition, ensure_ascii=False))
        sent = definition.get("body", "")
        ctype = definition.get("headers", {}).get("Content-Type", "application/json").lower()
        body_target = "fuzz_validate_xml" if "xml" in ctype else "fuzz_validate_form" if "form" in ctype else "fuzz_validate_json"
        added += write(body_target, sent)
    for text in [
        '{"url": "https://user:pass@example.com/{{ key }}", "headers": {"X-Api-Key": "secret123", '
        '"Authorization": "Bearer tok"}, "body": "{}", "signing_secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", '
        '"retry": {"max_retries": 0, "base_delay_s": 0.001, "jitter": 1, "retry_after_cap_s": 0, '
        '"timeout_s": 600, "max_response_bytes": 0}}',
        '{"url": "{{ url }}", "method": "get", "headers": {"Content-Type": "application/x-www-form-urlencoded"}, '
        '"body": "a={{ customer.email | url_encode }}&b={{ customer.note | url_encode }}"}',
        '{"url": "http://example.com/\\r\\nX: y", "headers": {"X\\u0000": "v"}}',
        '{"url": "ftp://example.com/"}', '{"url": 1}', '{"name": "x"}', '{"url": "x", "nope": 1}',
        '{"url": "https://example.com/", "response": {"": "x"}}', '[]', '{"url": "{% if %}"}',
        '{"url": "https://example.com/", "headers": {"Content-Type": "text/xml"}, "body": "<a>{{ customer.note }}</a>"}',
        '{"url": "https://example.com/", "headers": {"Content-Type": "text/plain"}, "body": "{{ customer.note }}"}',
        '{"url": "https://example.com/", "body": "{\\"note\\": {{ customer.note | json }}}", '
        '"response": {"lead_id": "{{ response.lead.id }}", "ltv": "{{ customer.lifetime_value | plus: response.amount }}"}}',
    ]:
        added += write("fuzz_definition", text)
    print(f"make_seed_corpus: {added} new seed files under {CORPUS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
