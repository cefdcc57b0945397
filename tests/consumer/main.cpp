// Builds against the installed liquid package only.
#include <iostream>

#include <liquid/liquid.hpp>

int main() {
  auto tmpl = liquid::Template::parse("{{ greeting | upcase }}, {{ who }}!");
  std::cout << tmpl.render(liquid::parse_json(R"({"greeting": "hello", "who": "consumer"})")) << "\n";
}
