#!/usr/bin/env python3
"""Differential check of the liquid engine against Ruby Liquid 5.4 (Debian's ruby-liquid).

Renders a corpus of a few hundred templates (every tag, whitespace control, lax quirks, malformed
markup, strict mode) with both engines through golden.py's adapter protocol (`liquid adapter`
and ../shared/conformance/adapters/ruby_liquid.rb) and lists the cases whose outputs differ.
Differences we keep on purpose are listed in KNOWN with the reason; the exit status is 1 when
there is any other difference.

  python3 tests/differential/corpus_diff.py BUILD/liquid/liquid [--only SUBSTRING] [--all]
"""
import json
import os
import subprocess
import sys

RUBY_ADAPTER = os.environ.get("LIQUIDHOOK_RUBY_ADAPTER", os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "conformance", "adapters",
    "ruby_liquid.rb"))

# ---- corpus: (name, template, data, mode, partials) ----
D = {
    "s": "hello", "n": 3, "f": 2.5, "neg": -4, "t": True, "no": False, "nil": None,
    "arr": [1, 2, 3, 4, 5], "words": ["a", "b", "c"], "nested": [[1, 2], [3, [4, 5]]],
    "h": {"id": "1", "x": None, "b": True, "n": 1.5, "arr": [1, "a"], "sub": {"k": "v"}},
    "empty_s": "", "empty_a": [], "empty_h": {}, "space": "  \t\n",
    "people": [{"name": "ann", "age": 30}, {"name": "bob", "age": 25}],
    "big": 12345678901234, "fl": 1e20, "tiny": 1e-5, "pt": 0.30000000000000004,
    "k": {"a b": 1, "with.dot": 2, "0": "zero", "-1": "minus", "": "emptykey", "size": 99, "first": "F"},
    "idx": 1, "key": "id",
}

CASES = []


def add(name, template, data=None, mode="lax", partials=None):
    CASES.append((name, template, D if data is None else data, mode, partials))


# ---- outputs and values ---------------------------------------------------------------------
for i, t in enumerate([
    "{{ 5.0 }}", "{{ 1.0e20 }}", "{{ fl }}", "{{ tiny }}", "{{ pt }}", "{{ -0.0 }}", "{{ 10.50 }}",
    "{{ 1e3 }}", "{{ 1.5.2 }}", "{{ 007 }}", "{{ -7 }}", "{{ - 7 }}", "{{ 99999999999999999999 }}",
    "{{ big }}", "{{ h }}", "{{ nested }}", "{{ arr }}", "{{ words }}", "{{ nil }}", "{{ t }}", "{{ no }}",
    "{{ 'a\"b' }}", '{{ "it\'s" }}', "{{ (1..3) }}", "{{ (3..1) }}", "{{ (1..n) }}", "{{ (a..b) }}",
    "{{ ('1'..'3') }}", "{{ (1.5..3.7) }}", "{{ empty }}", "{{ blank }}", "{{ null }}", "{{ nil.x }}",
    "{{ h.sub }}", "{{ h.arr }}", "{{ people }}", "{{ k }}", "{{ arr.size }}", "{{ arr.first }}",
    "{{ arr.last }}", "{{ s.size }}", "{{ h.size }}", "{{ k.size }}", "{{ k.first }}", "{{ h.first }}",
    "{{ n.size }}", "{{ arr[0] }}", "{{ arr[-1] }}", "{{ arr[9] }}", "{{ arr[idx] }}", "{{ h[key] }}",
    "{{ h['id'] }}", '{{ h["sub"]["k"] }}', "{{ k['a b'] }}", "{{ k['with.dot'] }}", "{{ k['0'] }}",
    "{{ k[''] }}", "{{ k.0 }}", "{{ arr['0'] }}", "{{ arr.0 }}", "{{ ['s'] }}", "{{ [key] }}",
    "{{ s.first }}", "{{ (1..5).size }}", "{{ (1..5).first }}", "{{ (1..5).last }}", "{{ words[1.0] }}",
    "{{ h.x }}", "{{ h.missing.deep }}", "{{ h.b }}", "{{ f }}", "{{ neg }}", "{{ '' }}", "{{}}", "{{ }}",
    "{{-}}", "{{ - }}", "{{--}}", "{{ true }}", "{{ false }}", "{{ 'x' }}{{ \"y\" }}",
]):
    add(f"output {i}: {t}", t)

# ---- lax quirks of outputs -----------------------------------------------------------------
for i, t in enumerate([
    "{{ a b c }}", "{{ s s }}", "{{ 'a' 'b' }}", "{{ s | | upcase }}", "{{ s | upcase: }}",
    "{{ s | }}", "{{ | upcase }}", "{{ s || upcase }}", "{{ a..b }}", "{{ s. }}", "{{ s.. }}",
    "{{ s[ }}", "{{ s] }}", "{{ arr[0 }}", "{{ \"unterminated }}", "{{ 'unterminated }}",
    "{{ s | append: 'x' 'y' }}", "{{ 1 | plus: 2, 3 }}", "{{ s | default: allow_false: }}",
    "{{ s | append: }}", "{{ s | append: , 'x' }}", "{{ s | append: 'x', }}", "{{ s | upcase | }}",
    "{{ s | upcase downcase }}", "{{ s | upcase: 1 }}", "{{ s | nosuchfilter }}",
    "{{ s | nosuchfilter | upcase }}", "{{ s | append: s, s }}", "{{ s !! }}", "{{ @s }}", "{{ $s }}",
    "{{ s | replace: 'l' , 'L' }}", "{{ s|upcase }}", "{{s}}", "{{ s | append:'x' }}",
    "{{ s | slice: 1, 2 }}", "{{ s | slice: 1 2 }}", "{{ 'a,b' | split: ',' | join: '-' }}",
    "{{ s | truncate: 3, '' }}", "{{ s | default: 'x', allow_false: true }}",
    "{{ no | default: 'x', allow_false: true }}", "{{ no | default: 'x', allow_false: false }}",
    "{{ nil | default: 'x' }}", "{{ s | append: 'a' | prepend: 'b' | upcase }}",
    "{{ 'x' | append: nil }}", "{{ arr | join }}", "{{ arr | join: }}", "{{ arr | map: 'x' }}",
    "{{ people | map: 'name' | join: ',' }}", "{{ people | where: 'age', 30 | map: 'name' }}",
    "{{ -s }}", "{{ s-x }}", "{{ s? }}", "{{ h.b? }}", "{{ s.upcase }}", "{{ 1.x }}", "{{ 'abc'.size }}",
    "{{ \"abc\" | size }}", "{{ s:x }}", "{{ s , x }}", "{{ s}}x", "{{s}x}}", "{{ s }", "{{ s } }}",
    "{{ {s} }}", "{{ 'a' | append: '}' }}", "{{ '}}' }}", "{{ '%}' }}", "{{ '{{' }}",
    "{{ s | append: \"it's\" }}", "{{ (1..3) | join: ',' }}", "{{ (1..3) | size }}",
    "{{ 5 | minus: }}", "{{ 5 | plus: '2' }}", "{{ 5 | plus: 'x' }}", "{{ 5 | divided_by: 0 }}",
    "{{ 5 | modulo: 0 }}", "{{ 5.0 | divided_by: 0 }}", "{{ 7 | divided_by: 2.0 }}",
    "{{ 'Hello' | upcase | downcase | capitalize }}", "{{ h | json }}",
]):
    add(f"lax output {i}: {t}", t)

# ---- whitespace control ------------------------------------------------------------------
for i, t in enumerate([
    "a  {{- s -}}  b", "a \n {%- if t -%} \n x \n {%- endif -%} \n b", "a {{- s }} b", "a {{ s -}} b",
    "x\n{%- assign y = 1 -%}\ny", "{%- raw -%} a {%- endraw -%} b", " {%- comment -%} c {%- endcomment -%} b",
    "{% for i in arr -%} {{ i }} {%- endfor %}", "a {{-s-}} b", "a {%-if t-%} x {%-endif-%} b",
    "  {{- '' -}}  ", "a\n\n{{- -}}\n\nb", "{%- liquid\n echo s\n-%}  x", "a {%- # c -%} b",
    "{% if t %}\n  yes\n{% endif %}\n", "{% if no %} {% endif %}x", "{% for i in arr %} {% endfor %}x",
    "{% if t %} {% assign z = 1 %} {% endif %}x", "{% if t %} {{ '' }} {% endif %}x",
    "{% case n %} {% when 3 %} {% endcase %}x", "{% unless no %}\n{% endunless %}x",
    "{% capture c %} {% endcapture %}[{{ c }}]", "a {%- raw %} x {% endraw -%} b",
    "{{ s }}\u00a0 {{- s }}", "\t{{- s -}}\r\n", "a{%- -%}b",
]):
    add(f"whitespace {i}: {t!r}", t)

# ---- if / unless / conditions ------------------------------------------------------------------
for i, t in enumerate([
    "{% if t %}y{% else %}n{% endif %}", "{% if no %}y{% elsif t %}e{% else %}n{% endif %}",
    "{% if nil %}y{% else %}n{% endif %}", "{% if empty_s %}y{% else %}n{% endif %}",
    "{% if 0 %}y{% endif %}", "{% if n == 3 %}y{% endif %}", "{% if n == 3.0 %}y{% endif %}",
    "{% if n != 3 %}y{% else %}n{% endif %}", "{% if n <> 4 %}y{% endif %}", "{% if n > 2 %}y{% endif %}",
    "{% if n >= 3 %}y{% endif %}", "{% if n < 3 %}y{% else %}n{% endif %}", "{% if n <= 3 %}y{% endif %}",
    "{% if s == 'hello' %}y{% endif %}", "{% if s contains 'ell' %}y{% endif %}",
    "{% if arr contains 2 %}y{% endif %}", "{% if arr contains '2' %}y{% else %}n{% endif %}",
    "{% if h contains 'id' %}y{% endif %}", "{% if (1..5) contains 3 %}y{% else %}n{% endif %}",
    "{% if s contains nil %}y{% else %}n{% endif %}", "{% if nil contains 'a' %}y{% else %}n{% endif %}",
    "{% if t and no %}y{% else %}n{% endif %}", "{% if t or no %}y{% endif %}",
    "{% if no and no or t %}y{% else %}n{% endif %}", "{% if t or no and no %}y{% else %}n{% endif %}",
    "{% if no or t and t %}y{% else %}n{% endif %}", "{% if 1 == 1 or 2 == 3 and 4 == 5 %}y{% else %}n{% endif %}",
    "{% if s == 1 %}y{% else %}n{% endif %}", "{% if s > 1 %}y{% else %}n{% endif %}",
    "{% if s < 'z' %}y{% else %}n{% endif %}", "{% if nil < 1 %}y{% else %}n{% endif %}",
    "{% if arr > 1 %}y{% else %}n{% endif %}", "{% if t > 1 %}y{% else %}n{% endif %}",
    "{% if 1 > s %}y{% else %}n{% endif %}", "{% if 1.5 > 1 %}y{% endif %}",
    "{% if empty_a == empty %}y{% endif %}", "{% if empty_s == empty %}y{% endif %}",
    "{% if space == blank %}y{% else %}n{% endif %}", "{% if nil == blank %}y{% endif %}",
    "{% if nil == empty %}y{% else %}n{% endif %}", "{% if no == blank %}y{% else %}n{% endif %}",
    "{% if empty == empty_s %}y{% endif %}", "{% if empty == blank %}y{% else %}n{% endif %}",
    "{% if empty %}y{% else %}n{% endif %}", "{% if blank %}y{% else %}n{% endif %}",
    "{% if empty_h == empty %}y{% endif %}", "{% if h == empty %}y{% else %}n{% endif %}",
    "{% if s =~ 'h' %}y{% endif %}", "{% if s === s %}y{% endif %}", "{% if s = s %}y{% endif %}",
    "{% if %}y{% endif %}", "{% if s s %}y{% endif %}", "{% if s == %}y{% else %}n{% endif %}",
    "{% if == s %}y{% endif %}", "{% if t and %}y{% endif %}", "{% if and t %}y{% endif %}",
    "{% if t && t %}y{% endif %}", "{% if t || no %}y{% endif %}", "{% if not t %}y{% else %}n{% endif %}",
    "{% if t andno %}y{% endif %}", "{% if 'a' == \"a\" %}y{% endif %}", "{% if (1..3) == (1..3) %}y{% endif %}",
    "{% if arr == arr %}y{% endif %}", "{% if h.sub.k == 'v' %}y{% endif %}", "{% if nil == nil %}y{% endif %}",
    "{% if null == nil %}y{% endif %}", "{% if t == true %}y{% endif %}", "{% if s contains %}y{% else %}n{% endif %}",
    "{% if s containsx 'e' %}y{% endif %}", "{% if 'abc' contains 'b' %}y{% endif %}",
    "{% unless t %}y{% else %}n{% endunless %}", "{% unless no %}y{% endunless %}",
    "{% unless no %}a{% elsif t %}b{% endunless %}", "{% unless t %}a{% elsif t %}b{% else %}c{% endunless %}",
    "{% if t %}a{% else %}b{% else %}c{% endif %}", "{% if no %}a{% else %}b{% elsif t %}c{% endif %}",
    "{% if no %}a{% else junk %}b{% endif %}", "{% if no %}1{% elsif %}2{% endif %}",
    "{% if t %}{% if no %}a{% else %}b{% endif %}{% endif %}", "{% if t %}", "{% if t %}{% endunless %}",
    "{% if t %}{% endfor %}{% endif %}", "{% if t %}{% when 1 %}{% endif %}",
    "{% if 1 == 1.0 %}y{% endif %}", "{% if '1' == 1 %}y{% else %}n{% endif %}",
    "{% if f > 2 %}y{% endif %}", "{% if h.b == true %}y{% endif %}", "{% if words contains 'b' %}y{% endif %}",
    "{% if s contains 'l' and s contains 'h' %}y{% endif %}",
]):
    add(f"if {i}: {t}", t)

# ---- case ---------------------------------------------------------------------------------------
for i, t in enumerate([
    "{% case n %}{% when 1 %}one{% when 3 %}three{% else %}other{% endcase %}",
    "{% case n %}{% when 1, 3 %}hit{% endcase %}", "{% case n %}{% when 1 or 3 %}hit{% endcase %}",
    "{% case n %}{% when 3 %}a{% when 3 %}b{% endcase %}", "{% case n %}{% when 3, 3 %}a{% endcase %}",
    "{% case n %}{% when 2 %}a{% else %}b{% else %}c{% endcase %}",
    "{% case n %}{% else %}e{% when 3 %}w{% endcase %}", "{% case n %}{% when 3 %}w{% else %}e{% when 3 %}w2{% endcase %}",
    "{% case s %}{% when 'hello' %}h{% endcase %}", "{% case nil %}{% when nil %}n{% endcase %}",
    "{% case empty_a %}{% when empty %}e{% endcase %}", "{% case x %}{% when blank %}b{% endcase %}",
    "{% case n %}before{% when 3 %}w{% endcase %}", "{% case n %}{% when 3 %}w{% else x %}e{% endcase %}",
    "{% case %}{% when 1 %}w{% endcase %}", "{% case n %}{% when %}w{% endcase %}",
    "{% case n %}{% when 1 and 3 %}w{% endcase %}", "{% case n %}{% when 3 junk %}w{% endcase %}",
    "{% case n %}{% when 'a' , 3 %}w{% endcase %}", "{% case n %}{% when 1,3 %}w{% endcase %}",
    "{% case n %}{% when 1 or %}w{% endcase %}", "{% case n %}{% when , 3 %}w{% endcase %}",
    "{% case n n %}{% when 3 %}w{% endcase %}", "{% case 'a' 'b' %}{% when 'a' %}w{% endcase %}",
    "{% case n %}{% when 3 %}w", "{% case n %}{% endif %}", "{% case n %}{% elsif %}{% endcase %}",
    "{% case n %}{% when 3 %}{% break %}x{% endcase %}", "{% case h %}{% when h %}same{% endcase %}",
    "{% case (1..3) %}{% when (1..3) %}r{% endcase %}", "{% case 3.0 %}{% when 3 %}f{% endcase %}",
    "{% case n %} {% when 3 %} w {% endcase %}", "{% case n %}\n{% when 3 %}\n{% assign a = 1 %}\n{% endcase %}x",
]):
    add(f"case {i}: {t}", t)

# ---- for ------------------------------------------------------------------------------------
for i, t in enumerate([
    "{% for i in arr %}{{ i }}{% endfor %}", "{% for i in arr limit: 2 %}{{ i }}{% endfor %}",
    "{% for i in arr offset: 2 %}{{ i }}{% endfor %}", "{% for i in arr reversed %}{{ i }}{% endfor %}",
    "{% for i in arr limit: 2 offset: 1 reversed %}{{ i }}{% endfor %}",
    "{% for i in arr reversed limit: 2 %}{{ i }}{% endfor %}", "{% for i in arr limit:2 offset:1 %}{{ i }}{% endfor %}",
    "{% for i in arr limit: 2 %}{{ i }}{% endfor %}|{% for i in arr offset: continue %}{{ i }}{% endfor %}",
    "{% for i in arr limit: 2 %}{{ i }}{% endfor %}|{% for i in arr offset: continue limit: 1 %}{{ i }}{% endfor %}|{% for i in arr offset: continue %}{{ i }}{% endfor %}",
    "{% for i in arr offset: continue %}{{ i }}{% endfor %}", "{% for i in (1..4) %}{{ i }}{% endfor %}",
    "{% for i in (1..n) %}{{ i }}{% endfor %}", "{% for i in (n..1) %}{{ i }}{% endfor %}",
    "{% for i in (-2..1) %}{{ i }}{% endfor %}", "{% for i in ('a'..'c') %}{{ i }}{% endfor %}",
    "{% for i in (1.9..3.1) %}{{ i }}{% endfor %}", "{% for i in h %}{{ i }};{% endfor %}",
    "{% for i in h %}{{ i[0] }}={{ i[1] }};{% endfor %}", "{% for i in s %}[{{ i }}]{% endfor %}",
    "{% for i in empty_s %}[{{ i }}]{% else %}none{% endfor %}", "{% for i in nil %}x{% else %}none{% endfor %}",
    "{% for i in n %}x{% else %}none{% endfor %}", "{% for i in empty_a %}x{% else %}none{% endfor %}",
    "{% for i in arr %}{% if i == 3 %}{% break %}{% endif %}{{ i }}{% endfor %}",
    "{% for i in arr %}{% if i == 3 %}{% continue %}{% endif %}{{ i }}{% endfor %}",
    "{% for i in arr %}{{ forloop.index }}{{ forloop.index0 }}{{ forloop.rindex }}{{ forloop.rindex0 }}{{ forloop.first }}{{ forloop.last }}{{ forloop.length }},{% endfor %}",
    "{% for i in words %}{{ forloop.name }}{% endfor %}", "{% for i in (1..2) %}{{ forloop.name }}{% endfor %}",
    "{% for i in (1..2) %}{% for j in words %}{{ forloop.parentloop.index }}{{ j }}{% endfor %}{% endfor %}",
    "{% for i in (1..2) %}{{ forloop.parentloop }}{% endfor %}", "{{ forloop }}{% for i in (1..1) %}{{ forloop }}{% endfor %}",
    "{% for i in arr limit: -1 %}{{ i }}{% endfor %}", "{% for i in arr offset: -2 %}{{ i }}{% endfor %}",
    "{% for i in arr offset: '2' %}{{ i }}{% endfor %}", "{% for i in arr limit: 'x' %}{{ i }}{% endfor %}",
    "{% for i in arr limit: nil %}{{ i }}{% endfor %}", "{% for i in arr limit: 1.7 %}{{ i }}{% endfor %}",
    "{% for i in arr offset: n %}{{ i }}{% endfor %}", "{% for i in arr limit: 0 %}{{ i }}{% else %}e{% endfor %}",
    "{% for i in arr %}{% assign last = i %}{% endfor %}{{ last }}{{ i }}",
    "{% for i in arr %}{% endfor %}{{ forloop.index }}", "{% for i in arr %}{{ i }}{% else %}e{% else %}f{% endfor %}",
    "{% for %}{% endfor %}", "{% for i %}{% endfor %}", "{% for i in %}{% endfor %}",
    "{% for i arr %}{% endfor %}", "{% for in arr %}{% endfor %}", "{% for i in arr junk %}{{ i }}{% endfor %}",
    "{% for i in arr limit: %}{{ i }}{% endfor %}", "{% for i in arr offset %}{{ i }}{% endfor %}",
    "{% for i in arr reversed junk: 1 %}{{ i }}{% endfor %}", "{% for i in arr", "{% for i in arr %}",
    "{% for i in arr %}{% endif %}", "{% for i-j in arr %}{{ i-j }}{% endfor %}",
    "{% for i in arr,words %}{{ i }}{% endfor %}", "{% for i in 'abc' %}{{ i }}{% endfor %}",
    "{% for i in people %}{{ i.name }}{% endfor %}", "{% for i in arr %}{{ i }}{% break %}{% endfor %}",
    "{% for i in arr %}{% for j in arr %}{% break %}{% endfor %}{{ i }}{% endfor %}",
    "{% break %}x", "{% continue %}x", "a{% if t %}b{% break %}c{% endif %}d",
    "{% for i in (1..3) %}{{ i }}{% endfor %}{% for i in (1..3) offset: continue %}{{ i }}{% endfor %}",
    "{% for i in arr limit: 2 %}{% endfor %}{% for j in arr offset: continue %}{{ j }}{% endfor %}",
    "{% for i in arr reversed offset: 1 limit: 2 %}{{ i }}{% endfor %}",
    "{% for i in arr%}{{i}}{%endfor%}", "{% for i in arr\n limit: 1 %}{{i}}{% endfor %}",
    "{% for i in (1..3) reversed %}{{ i }}{% endfor %}", "{% for x in nested %}{{ x }};{% endfor %}",
]):
    add(f"for {i}: {t}", t)

# ---- tablerow --------------------------------------------------------------------------------
for i, t in enumerate([
    "{% tablerow i in arr %}{{ i }}{% endtablerow %}", "{% tablerow i in arr cols: 2 %}{{ i }}{% endtablerow %}",
    "{% tablerow i in arr cols: 2 limit: 3 offset: 1 %}{{ i }}{% endtablerow %}",
    "{% tablerow i in empty_a %}{{ i }}{% endtablerow %}", "{% tablerow i in nil %}{{ i }}{% endtablerow %}",
    "{% tablerow i in (1..3) %}{{ tablerowloop.col }}{{ tablerowloop.row }}{{ tablerowloop.index }}{{ tablerowloop.col_first }}{{ tablerowloop.col_last }}{{ tablerowloop.first }}{{ tablerowloop.last }}{{ tablerowloop.length }}{{ tablerowloop.rindex }}{% endtablerow %}",
    "{% tablerow i in arr cols: 2 %}{{ tablerowloop.col0 }}{{ tablerowloop.index0 }}{{ tablerowloop.rindex0 }}{% endtablerow %}",
    "{% tablerow i in h %}{{ i[0] }}{% endtablerow %}", "{% tablerow i in s %}{{ i }}{% endtablerow %}",
    "{% tablerow i in arr cols: 2 %}{% if i == 3 %}{% break %}{% endif %}{{ i }}{% endtablerow %}",
    "{% tablerow i in arr %}{% continue %}{{ i }}{% endtablerow %}", "{% tablerow i in arr cols: 0 %}{{ i }}{% endtablerow %}",
    "{% tablerow i in arr cols: 'x' %}{{ i }}{% endtablerow %}", "{% tablerow i in arr limit: 'x' %}{{ i }}{% endtablerow %}",
    "{% tablerow i in arr reversed %}{{ i }}{% endtablerow %}", "{% tablerow i in arr junk: 2 %}{{ i }}{% endtablerow %}",
    "{% tablerow %}{% endtablerow %}", "{% tablerow i in arr %}", "{% tablerow i in arr cols: nil %}{{ i }}{% endtablerow %}",
    "{% tablerow i in arr cols:2 %}{{ forloop.index }}{% endtablerow %}",
]):
    add(f"tablerow {i}: {t}", t)

# ---- cycle, increment, decrement, assign, capture ----------------------------------------
for i, t in enumerate([
    "{% cycle 'a', 'b' %}{% cycle 'a', 'b' %}{% cycle 'a', 'b' %}",
    "{% cycle 'a', 'b' %}{% cycle 'a', 'c' %}{% cycle 'a', 'b' %}",
    "{% cycle g: 'a', 'b' %}{% cycle g: 'x', 'y' %}{% cycle g: 'a', 'b' %}",
    "{% cycle 'g': 'a', 'b' %}{% cycle 'g': 'a', 'b' %}", "{% cycle s: 1, 2 %}{% cycle s: 1, 2 %}",
    "{% for i in arr %}{% cycle 'odd', 'even' %}{% endfor %}", "{% cycle n, s %}{% cycle n, s %}{% cycle n, s %}",
    "{% cycle %}", "{% cycle 'a' 'b' %}{% cycle 'a' 'b' %}", "{% cycle 'a',, 'b' %}{% cycle 'a',, 'b' %}",
    "{% cycle arr %}", "{% cycle nil, 'x' %}{% cycle nil, 'x' %}", "{% cycle 1, 2 %}{% cycle 1, 2 %}",
    "{% cycle 'a', 'b' %}{% cycle 'a','b' %}", "{% cycle g : 'a' %}", "{% cycle a:b %}",
    "{% increment c %}{% increment c %}{{ c }}", "{% decrement c %}{% decrement c %}{{ c }}",
    "{% assign c = 5 %}{% increment c %}{{ c }}", "{% increment n %}{% increment n %}{{ n }}",
    "{% increment c %}{% assign c = 10 %}{% increment c %}{{ c }}", "{% increment c %}{% decrement c %}{% decrement c %}",
    "{% increment %}", "{% increment a b %}{{ a }}", "{% increment s %}", "{% decrement f %}",
    "{% assign x = 'v' %}{{ x }}", "{% assign x = s | upcase %}{{ x }}", "{% assign x=1 %}{{ x }}",
    "{% assign x = %}[{{ x }}]", "{% assign = 1 %}", "{% assign x %}", "{% assign x y = 1 %}{{ x }}{{ y }}",
    "{% assign x.y = 1 %}{{ x.y }}", "{% assign x[0] = 1 %}{{ x[0] }}", "{% assign -x = 1 %}{{ -x }}",
    "{% assign x = arr %}{{ x | size }}", "{% assign x = (1..3) %}{{ x }}", "{% assign x = 1 2 %}{{ x }}",
    "{% assign x == 1 %}{{ x }}", "{% assign x = 'a' | nosuch %}{{ x }}", "{% assign s = 'new' %}{{ s }}",
    "{% if t %}{% assign inner = 1 %}{% endif %}{{ inner }}", "{% for i in arr %}{% assign acc = acc | append: i %}{% endfor %}{{ acc }}",
    "{% capture c %}x{{ s }}y{% endcapture %}{{ c }}", "{% capture %}x{% endcapture %}", "{% capture c d %}x{% endcapture %}{{ c }}{{ d }}",
    "{% capture 'c' %}x{% endcapture %}{{ c }}", "{% capture c %}x", "{% capture c %}{% capture d %}y{% endcapture %}x{% endcapture %}{{ c }}{{ d }}",
    "{% capture c.d %}x{% endcapture %}{{ c.d }}", "{% capture c %}{% break %}{% endcapture %}[{{ c }}]",
]):
    add(f"vars {i}: {t}", t)

# ---- raw, comment, inline comment, doc, echo, liquid -------------------------------------
for i, t in enumerate([
    "{% raw %}{{ x }}{% if %}{% endraw %}", "{% raw %}{% raw %}{% endraw %}", "{% raw %}a{% endraw %}{% endraw %}",
    "{% endraw %}", "{% raw %}unclosed", "{% raw x %}a{% endraw %}", "{% raw %}{{ {% endraw %}",
    "{% raw %}a {%- endraw -%} b", "{% raw %}{%endraw%}", "{% raw %} {% endraw x %}", "{% raw %}x{% endraw",
    "{% comment %}x{% endcomment %}y", "{% comment %}{% if %}{{ {% endcomment %}y", "{% comment %}unclosed",
    "{% comment %}{% comment %}a{% endcomment %}b{% endcomment %}c", "{% comment %}{% raw %}{% endcomment %}{% endraw %}{% endcomment %}x",
    "{% comment x %}a{% endcomment %}b", "{% endcomment %}", "{% comment %}{% endcomment x %}y",
    "{% comment %}{% comment %}{% endcomment %}", "{% comment %}{%endcomment%}z", "{% comment %}{% raw %}{% endcomment %}",
    "{% # hello %}x", "{%# hello %}x", "{% # a\n # b %}x", "{% # a\n b %}x", "{% #a %}x", "{%- # a -%} x",
    "{% echo s %}", "{% echo s | upcase %}", "{% echo %}", "{% echo 'a' 'b' %}", "{% echo s | %}",
    "{% liquid\n assign x = 1\n echo x\n %}", "{% liquid\n if t\n echo 'y'\n else\n echo 'n'\n endif\n %}",
    "{% liquid\n for i in arr\n echo i\n endfor %}", "{% liquid\n case n\n when 3\n echo 'three'\n endcase %}",
    "{% liquid %}", "{% liquid\n\n\n %}x", "{% liquid\n junk here\n %}", "{% liquid\n echo s\n endif %}",
    "{% liquid\n if t\n echo 'x' %}", "{% liquid\n # comment\n echo 'x' %}", "{% liquid\n comment\n junk\n endcomment\n echo 'x' %}",
    "{% liquid\n raw\n x\n endraw %}", "{% liquid\n liquid echo 'nested'\n %}", "{% liquid echo 'one line' %}",
    "{% liquid\n capture c\n echo 'x'\n endcapture\n echo c %}", "{% liquid\n{{ x }}\n %}", "{% liquid\n %}\n echo s %}",
    "{% liquid\n cycle 'a', 'b'\n cycle 'a', 'b' %}", "{% liquid\n increment c\n increment c %}",
    "{% liquid\n tablerow i in arr\n echo i\n endtablerow %}", "{% liquid\n unless t\n echo 'a'\n endunless %}",
    "{% liquid\n if t\n echo 'a'\n %}{% endif %}", "{% liquid\n for i in arr\n break\n endfor %}",
    "{% liquid\n  echo s\n\t echo s  \r\n %}", "{% liquid\necho s|upcase\n%}", "{% liquid\n 123\n %}",
    "{% liquid\n endfor\n %}", "{% liquid\n else\n %}", "{% liquid\n assign x = 1 %}{{ x }}",
]):
    add(f"misc tags {i}: {t!r}", t)

# ---- ifchanged -----------------------------------------------------------------------------
for i, t in enumerate([
    "{% for i in (1..4) %}{% ifchanged %}{{ i | divided_by: 2 }}{% endifchanged %}{% endfor %}",
    "{% ifchanged %}a{% endifchanged %}{% ifchanged %}a{% endifchanged %}{% ifchanged %}b{% endifchanged %}",
    "{% ifchanged %}a", "{% ifchanged x %}a{% endifchanged %}",
]):
    add(f"ifchanged {i}: {t}", t)

# ---- include / render ----------------------------------------------------------------------
P = {
    "p": "[{{ p }}|{{ s }}|{{ x }}]", "item": "<{{ item }}>", "assigner": "{% assign leaked = 'yes' %}",
    "loop": "{{ forloop.index }}:{{ loop }};", "self": "{% include 'self' %}", "rself": "{% render 'rself' %}",
    "broken": "{% if %}", "err": "{{ 1 | divided_by: 0 }}", "dir/name": "({{ name }})",
    "counter": "{% increment cnt %}", "brk": "{% break %}", "nested": "{% render 'item' %}",
    "inc": "{% include 'item' %}", "vars": "{{ a }}-{{ b }}",
}
for i, t in enumerate([
    "{% include 'p' %}", "{% include 'p' with 'v' %}", "{% include 'p' with s %}", "{% include 'p' for arr %}",
    "{% include 'item' for words %}", "{% include 'item' with words %}", "{% include 'p' with s as x %}",
    "{% include 'p', x: 1 %}", "{% include 'p' x: 1 %}", "{% include 'vars' a: 1, b: s %}",
    "{% include 'missing' %}", "{% include missing %}", "{% include nil %}", "{% include '' %}",
    "{% assign name = 'p' %}{% include name %}", "{% include 'assigner' %}{{ leaked }}",
    "{% include 'self' %}", "{% include 'broken' %}", "{% include 'err' %}x", "{% include 'dir/name' %}",
    "{% include 'dir/name' with 'v' %}", "{% include 'counter' %}{% include 'counter' %}{% increment cnt %}",
    "{% for i in arr %}{% include 'brk' %}{{ i }}{% endfor %}", "{% include 'p' for h %}",
    "{% include 'item' for (1..3) %}", "{% include %}", "{% include 'p' with %}",
    "{% render 'p' %}", "{% render 'p' with 'v' %}", "{% render 'p' with s as x %}", "{% render 'p', x: 1 %}",
    "{% render 'p' x: 1 %}", "{% render 'vars', a: 1, b: s %}", "{% render 'item' for words %}",
    "{% render 'loop' for words as loop %}", "{% render 'item' with words %}", "{% render 'missing' %}",
    "{% render name %}", "{% assign name = 'p' %}{% render name %}", "{% render 'assigner' %}{{ leaked }}",
    "{% render 'rself' %}", "{% render 'broken' %}", "{% render 'err' %}x", "{% render 'counter' %}{% render 'counter' %}{% increment cnt %}",
    "{% for i in arr %}{% render 'brk' %}{{ i }}{% endfor %}", "{% render 'nested' %}", "{% render 'inc' %}",
    "{% render 'item' for (1..3) %}", "{% render 'item' for s %}", "{% render 'item' for nil %}", "{% render %}",
    "{% render 'p' 'q' %}", "{% render \"p\" %}", "{% render 'item' for arr as item %}", "{% render 'dir/name' with 'x' %}",
    "{% render 'p' with h.sub %}", "{% include 'p' for nil %}", "{% include 'item' for empty_a %}x",
]):
    add(f"partials {i}: {t}", t, partials=P)

# ---- malformed templates ----------------------------------------------------------------
for i, t in enumerate([
    "{{ s", "{% if t", "{{", "{%", "a {{ b", "a {% b", "{{ s }", "{% if t %", "}}", "%}", "{ {{ s }} }",
    "{% %}", "{%  %}", "{%- -%}", "{% - %}", "{%-%}", "{% 123 %}", "{% nosuch %}", "{% nosuch %}{% endnosuch %}",
    "{% endif %}", "{% else %}", "{% elsif t %}", "{% when 1 %}", "{% endfor %}", "{% end %}", "{% endfoo %}",
    "{% if t %}{% else %}{% endif %}{% endif %}", "{% if t %}{% endif", "{% if t %}{% end if %}",
    "{{ s }}{% if t %}\n\n{% for i in arr %}", "line1\nline2 {% nosuch %}", "a\n{% if t %}\nb\n{% endif x %}",
    "{% if t %}a{% endif junk %}", "{% for i in arr %}a{% endfor junk %}", "{% endif %}{% endif %}",
    "{{ 'a' }}}", "{{{ s }}}", "{{ s }}}}", "{%% if t %%}", "{% if t %}}", "{% raw %}{% endraw %}}",
    "{%comment%}{%endcomment%}", "{%if t%}y{%endif%}", "{% IF t %}y{% ENDIF %}", "{% If t %}y{% endif %}",
    "\x00{{ s }}", "{{ s \x00 }}", "{% if t %}\x00{% endif %}", "{{ '\xff' }}", "\xc3\x28{{ s }}",
    "{% if t %}{% if t %}{% if t %}deep{% endif %}{% endif %}{% endif %}", "{%\nif\nt\n%}y{%\nendif\n%}",
    "{% if t -%}\n{% endif %}", "{% if t %}{% else %}{% else %}{% endif %}", "{% unless t %}{% elsif %}{% endunless %}",
    "{{ s | append: 'x' }", "{{ s | append: '}}' }}", "{% assign x = '%}' %}{{ x }}", "{% if '%}' %}y{% endif %}",
    "{% comment %}{% endcomment", "{% raw %}{% endraw", "{% if t %}{% comment %}{% endif %}{% endcomment %}{% endif %}",
    "text {% if t %} {{ s }} {% elsif %}", "{% for i in arr %}{% else %}{% else %}{% endfor %}",
    "{{ s }}{%", "{{ s }}{{", "{% if t %}{{ s }}{% endif %}{%", "{{ 'x' | append: '{{' }}",
]):
    add(f"malformed {i}: {t!r}", t)

# ---- strict mode (Ruby 5.4's :strict) ------------------------------------------------------
for i, t in enumerate([
    "{{ s }}", "{{ a b }}", "{{ s | upcase: }}", "{{ s | | upcase }}", "{{ s | append: 'x', }}", "{{ a..b }}",
    "{{ s. }}", "{{ s[ }}", "{{ 'x }}", "{{ s | f: a: }}", "{{ s | default: 'x', allow_false: true }}",
    "{{ 1.5.2 }}", "{{ -x }}", "{{ s? }}", "{{ (1..3) }}", "{{ (1...3) }}", "{{ ( 1 .. 3 ) }}", "{{ arr[0 }}",
    "{{ arr[0]] }}", "{{ h['id'] }}", "{{ ['s'] }}", "{{ @x }}", "{{ s !! }}", "{{ s | append: 'a' 'b' }}",
    "{% if s == 'hello' %}y{% endif %}", "{% if s = 'hello' %}y{% endif %}", "{% if %}y{% endif %}",
    "{% if t and %}y{% endif %}", "{% if t && t %}y{% endif %}", "{% if s contains 'e' %}y{% endif %}",
    "{% if s =~ 'e' %}y{% endif %}", "{% if t junk %}y{% endif %}", "{% if empty_a == empty %}y{% endif %}",
    "{% for i in arr limit: 2 %}{{ i }}{% endfor %}", "{% for i in arr junk: 2 %}{{ i }}{% endfor %}",
    "{% for i in arr limit: 2, offset: 1 %}{{ i }}{% endfor %}", "{% for i in arr reversed limit: 2 %}{{ i }}{% endfor %}",
    "{% for i in arr limit: 2 reversed %}{{ i }}{% endfor %}", "{% for i in arr offset: continue %}{{ i }}{% endfor %}",
    "{% for i arr %}{% endfor %}", "{% for i in arr x %}{% endfor %}", "{% for i in (1..3) %}{{ i }}{% endfor %}",
    "{% tablerow i in arr cols: 2 %}{{ i }}{% endtablerow %}", "{% tablerow i in arr junk: 2 %}{{ i }}{% endtablerow %}",
    "{% tablerow i in arr reversed %}{{ i }}{% endtablerow %}", "{% tablerow i in arr cols: 2, limit: 2 %}{{ i }}{% endtablerow %}",
    "{% case n %}{% when 1 and 3 %}w{% endcase %}", "{% case n n %}{% when 3 %}w{% endcase %}",
    "{% cycle 'a' 'b' %}", "{% cycle a: 'x' %}", "{% assign x = a b %}{{ x }}", "{% assign x = s | upcase %}{{ x }}",
    "{% echo a b %}", "{% include 'p' junk %}", "{% render 'p' junk %}", "{% nosuch %}",
    "{% liquid\n echo a b\n %}", "{{ s | upcase downcase }}", "{{ s |upcase|downcase }}",
    "{{ s | append: 'x' | }}", "{% if (1..3) contains 2 %}y{% endif %}", "{% if a.b[c].d %}y{% else %}n{% endif %}",
    "{{ s.size.size }}", "{{ h[key] }}", "{{ h.sub['k'] }}", "{{ arr[-1] }}", "{{ 1.x }}",
    "{% if s == nil %}y{% else %}n{% endif %}", "{% if s contains 'a' or t %}y{% endif %}",
]):
    add(f"strict {i}: {t}", t, mode="strict", partials=P)


# Differences kept on purpose (golden-liquid, i.e. Liquid 5.12, decides where it differs from 5.4),
# or known and reported.
GOLDEN = "golden-liquid (Liquid 5.12) differs from 5.4 here and we follow it"
KNOWN = {
    "output 12: {{ 99999999999999999999 }}": "no Bignum: integers beyond int64 become floats",
    "whitespace 5: '{%- raw -%} a {%- endraw -%} b'": GOLDEN + " (whitespace control on endraw)",
    "whitespace 22: 'a {%- raw %} x {% endraw -%} b'": GOLDEN + " (whitespace control on endraw)",
    "misc tags 7: '{% raw %}a {%- endraw -%} b'": GOLDEN + " (whitespace control on endraw)",
    "if 33: {% if 1 > s %}y{% else %}n{% endif %}": "message names the operand's inspect, not its class (context.cpp)",
    "if 37: {% if space == blank %}y{% else %}n{% endif %}": GOLDEN + " (blank)",
    "if 38: {% if nil == blank %}y{% endif %}": GOLDEN + " (blank)",
    "if 40: {% if no == blank %}y{% else %}n{% endif %}": GOLDEN + " (blank)",
    "case 11: {% case x %}{% when blank %}b{% endcase %}": GOLDEN + " (blank)",
    "for 30: {{ forloop }}{% for i in (1..1) %}{{ forloop }}{% endfor %}": "forloop prints as '' not Liquid::ForloopDrop (context.hpp)",
    "tablerow 5: {% tablerow i in (1..3) %}{{ tablerowloop.col }}{{ tablerowloop.row }}{{ tablerowloop.index }}{{ tablerowloop.col_first }}{{ tablerowloop.col_last }}{{ tablerowloop.first }}{{ tablerowloop.last }}{{ tablerowloop.length }}{{ tablerowloop.rindex }}{% endtablerow %}": GOLDEN + " (col_last without cols)",
    "tablerow 9: {% tablerow i in arr cols: 2 %}{% if i == 3 %}{% break %}{% endif %}{{ i }}{% endtablerow %}": GOLDEN + " (break ends the table)",
    "vars 24: {% increment s %}": "counters count integers only (increment.cpp)",
    "vars 25: {% decrement f %}": "counters count integers only (increment.cpp)",
    "misc tags 45: \"{% liquid\\n liquid echo 'nested'\\n %}\"": GOLDEN + " (liquid inside liquid)",
    "partials 10: {% include 'missing' %}": "Shopify's wording: Could not find asset NAME",
    "partials 13: {% include '' %}": "Shopify's wording: Could not find asset NAME",
    "partials 36: {% render 'missing' %}": "Shopify's wording: Could not find asset NAME",
    "partials 16: {% include 'self' %}": "nesting-too-deep ends the render even inline (context.cpp)",
    "partials 40: {% render 'rself' %}": "nesting-too-deep ends the render even inline (context.cpp)",
}


class Adapter:
    def __init__(self, cmd):
        self.cmd = cmd
        self.start()

    def start(self):
        self.p = subprocess.Popen(self.cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL, env={"TZ": "UTC", "PATH": "/usr/bin:/bin"})

    def ask(self, req):
        try:
            self.p.stdin.write((json.dumps(req) + "\n").encode())
            self.p.stdin.flush()
            out = self.p.stdout.readline()
        except BrokenPipeError:
            out = b""
        if not out:
            self.start()
            return {"error": "ADAPTER CRASH"}
        return json.loads(out.decode("utf-8", "replace"))


def verdict(answer):
    return ("error", "") if "error" in answer else ("ok", answer["output"])


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    ours = Adapter([sys.argv[1], "adapter"])
    ruby = Adapter(["ruby", RUBY_ADAPTER])
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else None
    show_all = "--all" in sys.argv
    total = known = unexpected = 0
    for name, template, data, mode, partials in CASES:
        if only and only not in name:
            continue
        total += 1
        req = {"name": name, "template": template, "data": data or {}, "mode": mode or "lax", "partials": partials or {}}
        r, o = ruby.ask(req), ours.ask(req)
        same = verdict(r) == verdict(o)
        if same and not show_all:
            continue
        if not same and name in KNOWN:
            known += 1
            label = "KNOWN (" + KNOWN[name] + ")"
        elif not same:
            unexpected += 1
            label = "DIFF"
        else:
            label = "SAME"
        print(label, name, "[" + (mode or "lax") + "]")
        print("   ruby:", json.dumps(r)[:400])
        print("   ours:", json.dumps(o)[:400])
    print(f"{total} cases: {total - known - unexpected} same, {known} known differences, {unexpected} new differences")
    sys.exit(1 if unexpected else 0)


if __name__ == "__main__":
    main()
