#!/usr/bin/env ruby
# frozen_string_literal: true

# The reference side of the differential test: Shopify's Ruby Liquid (Debian ruby-liquid 5.4)
# speaking the JSON-lines protocol of `liquid adapter` (one request per line on stdin, one answer
# per line on stdout), so that one process renders a whole batch.
#
# Request:  {"template": "...", "data": {...}, "partials": {...}, "mode": "lax"|"strict"}
# Answer:   {"output": "...", "errors": [...]} (Ruby's `render`, errors written inline),
#           {"error": "..."} (parsing failed or rendering raised), or {"timeout": true}.
#
# Missing partials raise "Could not find asset NAME", as Shopify's own file systems do (and as
# liquidhook does). Strict mode is Ruby's :strict; 5.4 has no :strict2.

require "json"
require "liquid"
require "timeout"

CASE_SECONDS = Float(ENV.fetch("DIFFERENTIAL_RUBY_TIMEOUT", "5"))

# Partials from the request, looked up by name exactly as written.
class MemoryFileSystem
  def initialize(templates)
    @templates = templates || {}
  end

  def read_template_file(path)
    @templates.fetch(path) { raise Liquid::FileSystemError, "Could not find asset #{path}" }
  end
end

MODES = { "lax" => :lax, "strict" => :strict, "strict2" => :strict }.freeze

def utf8(text)
  s = text.to_s.dup.force_encoding(Encoding::UTF_8)
  s.valid_encoding? ? s : s.scrub("\uFFFD")
end

def render_case(req)
  mode = MODES.fetch(req["mode"] || "lax", :lax)
  data = req["data"].is_a?(Hash) ? req["data"] : {}
  begin
    template = Liquid::Template.parse(req["template"], error_mode: mode, line_numbers: true)
  rescue StandardError => e
    return { "error" => utf8(e.message), "phase" => "parse" }
  end
  begin
    output = template.render(data, registers: { file_system: MemoryFileSystem.new(req["partials"]) })
  rescue StandardError, SystemStackError => e
    return { "error" => utf8(e.message), "phase" => "render" }
  end
  answer = { "output" => utf8(output) }
  errors = template.errors.compact
  answer["errors"] = errors.map { |e| utf8(e.respond_to?(:message) ? e.message : e) } unless errors.empty?
  answer
end

$stdout.sync = true
$stdin.set_encoding(Encoding::UTF_8)
$stdin.each_line do |line|
  next if line.strip.empty?

  answer = begin
    req = JSON.parse(line)
    Timeout.timeout(CASE_SECONDS) { render_case(req) }
  rescue Timeout::Error
    { "timeout" => true }
  rescue JSON::ParserError => e
    { "error" => "runner: bad request: #{e.message}", "runner_error" => true }
  end
  $stdout.write(JSON.generate(answer), "\n")
end
