// The strict expression grammar (internal; PEGTL never appears in a public header).
//
// It is Shopify Liquid's Lexer + Parser (lib/liquid/lexer.rb, parser.rb) written as a PEG: the
// same tokens (whitespace between any two of them, `..` always a range operator, `contains`
// only when followed by whitespace) and the same LL(1) structure, so every alternative commits
// after its first token and failures past that point are hard errors (must<>), with messages in
// the table at the end.
#pragma once

#include <tao/pegtl.hpp>

namespace liquid::grammar {

namespace pegtl = tao::pegtl;
using namespace pegtl;

// Tokens
struct ws : star<space> {};  // Ruby's \s: space \t \n \v \f \r
struct word_char : sor<alnum, one<'_'>> {};
struct identifier : seq<sor<alpha, one<'_'>>, star<sor<word_char, one<'-'>>>, opt<one<'?'>>> {};
template <typename Word>
struct keyword : seq<Word, not_at<sor<word_char, one<'-', '?'>>>> {};
struct dotdot : TAO_PEGTL_STRING("..") {};
struct close_bracket : one<']'> {};
struct close_paren : one<')'> {};
struct single_quoted_text : star<not_one<'\''>> {};
struct double_quoted_text : star<not_one<'"'>> {};
struct single_quote_close : one<'\''> {};
struct double_quote_close : one<'"'> {};
struct single_quoted : seq<one<'\''>, single_quoted_text, must<single_quote_close>> {};
struct double_quoted : seq<one<'"'>, double_quoted_text, must<double_quote_close>> {};
struct quoted_string : sor<single_quoted, double_quoted> {};
struct number : seq<opt<one<'-'>>, plus<digit>, opt<one<'.'>, plus<digit>>> {};

// Values
struct expression;
struct lookup_name : identifier {};
struct dot_lookup : seq<one<'.'>, not_at<one<'.'>>, ws, must<lookup_name>> {};
struct bracket_lookup : seq<one<'['>, ws, must<expression>, ws, must<close_bracket>> {};
struct lookups : star<ws, sor<dot_lookup, bracket_lookup>> {};
struct variable_name : identifier {};
struct path : seq<variable_name, lookups> {};
struct bracket_name : seq<one<'['>, ws, must<expression>, ws, must<close_bracket>> {};
struct bracket_path : seq<bracket_name, lookups> {};
struct range : seq<one<'('>, ws, must<expression>, ws, must<dotdot>, ws, must<expression>, ws,
                   must<close_paren>> {};
struct expression : sor<range, bracket_path, quoted_string, number, path> {};

// Filters: `| name: positional, key: value`
struct filter_name : identifier {};
struct keyword_name : identifier {};
struct keyword_argument : seq<at<identifier, ws, one<':'>>, keyword_name, ws, one<':'>, ws,
                              must<expression>> {};
struct positional_argument : expression {};
struct argument : sor<keyword_argument, positional_argument> {};
struct filter_arguments : seq<one<':'>, ws, must<argument>, star<ws, one<','>, ws, must<argument>>> {};
struct filter : seq<one<'|'>, ws, must<filter_name>, ws, opt<filter_arguments>> {};
struct output_base : expression {};
struct end_of_output : eof {};
struct filtered : seq<ws, opt<output_base, star<ws, filter>>, ws, must<end_of_output>> {};

// Conditions: comparisons joined by and/or, no precedence (folded to the right)
struct comparison_operator : sor<TAO_PEGTL_STRING("=="), TAO_PEGTL_STRING("!="), TAO_PEGTL_STRING("<>"),
                                 TAO_PEGTL_STRING("<="), TAO_PEGTL_STRING(">="), one<'<'>, one<'>'>,
                                 seq<TAO_PEGTL_STRING("contains"), at<space>>> {};
struct operand : expression {};
struct right_operand : expression {};
struct comparison_tail : seq<comparison_operator, ws, must<right_operand>> {};
struct comparison : seq<operand, opt<ws, comparison_tail>> {};
struct logical_operator : sor<keyword<TAO_PEGTL_STRING("and")>, keyword<TAO_PEGTL_STRING("or")>> {};
struct logical_tail : seq<logical_operator, ws, must<comparison>> {};
struct end_of_condition : eof {};
struct condition : seq<ws, must<comparison>, star<ws, logical_tail>, ws, must<end_of_condition>> {};

// `for` / `tablerow` markup: `item in collection reversed limit: n offset: m`
struct loop_variable : identifier {};
struct loop_in : keyword<TAO_PEGTL_STRING("in")> {};
struct loop_collection : expression {};
struct loop_reversed : keyword<TAO_PEGTL_STRING("reversed")> {};
struct loop_attribute_name : identifier {};
struct loop_attribute_value : expression {};
struct loop_attribute : seq<at<identifier, ws, one<':'>>, loop_attribute_name, ws, one<':'>, ws,
                            must<loop_attribute_value>> {};
struct end_of_loop : eof {};
struct loop_markup : seq<ws, must<loop_variable>, ws, must<loop_in>, ws, must<loop_collection>,
                         opt<ws, loop_reversed>, star<ws, loop_attribute>, ws, must<end_of_loop>> {};

// Error messages for every must<> point. (must_if raises whenever a rule listed here fails,
// so each of these rules is used only under must<>.)
struct errors {
  template <typename Rule>
  static constexpr const char* message = nullptr;
};
template <> inline constexpr const char* errors::message<single_quote_close> = "unterminated string: expected a closing '";
template <> inline constexpr const char* errors::message<double_quote_close> = "unterminated string: expected a closing \"";
template <> inline constexpr const char* errors::message<lookup_name> = "expected a property name after '.'";
template <> inline constexpr const char* errors::message<expression> = "expected a value (a string, number, variable or range)";
template <> inline constexpr const char* errors::message<close_bracket> = "expected ']'";
template <> inline constexpr const char* errors::message<dotdot> = "expected '..' in range";
template <> inline constexpr const char* errors::message<close_paren> = "expected ')' to close the range";
template <> inline constexpr const char* errors::message<filter_name> = "expected a filter name after '|'";
template <> inline constexpr const char* errors::message<argument> = "expected a filter argument";
template <> inline constexpr const char* errors::message<end_of_output> = "unexpected text; expected '|' and a filter, or the end of the output";
template <> inline constexpr const char* errors::message<end_of_condition> = "unexpected text; expected a comparison operator, 'and', 'or', or the end of the condition";
template <> inline constexpr const char* errors::message<end_of_loop> = "unexpected text in loop; expected 'reversed', 'limit:', 'offset:' or the end";
template <> inline constexpr const char* errors::message<right_operand> = "expected a value after the comparison operator";
template <> inline constexpr const char* errors::message<comparison> = "expected a condition";
template <> inline constexpr const char* errors::message<loop_variable> = "expected a loop variable name";
template <> inline constexpr const char* errors::message<loop_in> = "expected 'in' after the loop variable";
template <> inline constexpr const char* errors::message<loop_collection> = "expected a collection after 'in'";
template <> inline constexpr const char* errors::message<loop_attribute_value> = "expected a value for the loop attribute";

}  // namespace liquid::grammar
