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

// ---- strict2: Shopify Liquid 5.13's error_mode :strict2 ----------------------------------
// Where 5.13's strict2 parsers accept what strict rejects, or parse a tag strict leaves to the
// lax regexps (case, cycle, tablerow, include, render), the rules below follow them
// (lib/liquid/variable.rb strict2_parse_filter_expressions, tags/*.rb strict2_parse).

// Filters: the arguments after ':' may be absent and may end with a comma (`| f:`, `| f: a,`).
struct end_of_arguments : at<ws, sor<one<'|'>, eof>> {};
struct filter_arguments2 : seq<one<':'>, ws, opt<not_at<end_of_arguments>, must<argument>>,
                               star<ws, one<','>, ws, opt<not_at<end_of_arguments>, must<argument>>>> {};
struct filter2 : seq<one<'|'>, ws, must<filter_name>, ws, opt<filter_arguments2>> {};
struct filtered2 : seq<ws, opt<output_base, star<ws, filter2>>, ws, must<end_of_output>> {};

// `case` subject, and `when a, b or c`.
struct case_subject : expression {};
struct end_of_case : eof {};
struct case_markup : seq<ws, must<case_subject>, ws, must<end_of_case>> {};
struct when_value : expression {};
struct when_separator : sor<keyword<TAO_PEGTL_STRING("or")>, one<','>> {};
struct end_of_when : eof {};
struct when_markup : seq<ws, must<when_value>, star<ws, when_separator, ws, must<when_value>>, ws, must<end_of_when>> {};

// `cycle [group:] value, value, ...` (a trailing comma is allowed).
struct cycle_first : expression {};
struct cycle_group_colon : one<':'> {};
struct cycle_value : expression {};
struct end_of_cycle : eof {};
struct cycle_markup : seq<ws, must<cycle_first>, ws, opt<cycle_group_colon, ws, must<cycle_value>>,
                          star<ws, one<','>, ws, opt<not_at<eof>, must<cycle_value>>>, ws, must<end_of_cycle>> {};

// `for`: attributes may be separated by commas; any other word is an invalid attribute.
struct attribute_colon : one<':'> {};
struct loop_attribute_name2 : identifier {};
struct loop_attribute2 : seq<loop_attribute_name2, ws, must<attribute_colon>, ws, must<loop_attribute_value>> {};
struct loop_markup2 : seq<ws, must<loop_variable>, ws, must<loop_in>, ws, must<loop_collection>,
                          opt<ws, loop_reversed>, star<ws, opt<one<','>, ws>, loop_attribute2>, ws, must<end_of_loop>> {};

// `tablerow item in collection[,] cols: n[,] limit: n ...`
struct tablerow_attribute_name : identifier {};
struct tablerow_attribute : seq<tablerow_attribute_name, ws, must<attribute_colon>, ws, must<loop_attribute_value>> {};
struct end_of_tablerow : eof {};
struct tablerow_markup : seq<ws, must<loop_variable>, ws, must<loop_in>, ws, must<loop_collection>, ws, opt<one<','>>,
                             star<ws, tablerow_attribute, ws, opt<one<','>>>, ws, must<end_of_tablerow>> {};

// `include name [with|for value] [as alias][,] key: value[,] ...`; render's name is a string.
struct partial_name : expression {};
struct partial_string_name : quoted_string {};
struct partial_with : sor<keyword<TAO_PEGTL_STRING("for")>, keyword<TAO_PEGTL_STRING("with")>> {};
struct partial_variable : expression {};
struct partial_as : keyword<TAO_PEGTL_STRING("as")> {};
struct partial_alias : identifier {};
struct partial_attribute_name : identifier {};
struct partial_attribute_value : expression {};
struct partial_attribute : seq<partial_attribute_name, ws, must<attribute_colon>, ws, must<partial_attribute_value>> {};
struct end_of_partial : eof {};
template <typename Name>
struct partial_markup : seq<ws, must<Name>, ws, opt<partial_with, ws, must<partial_variable>>, ws,
                            opt<partial_as, ws, must<partial_alias>>, ws, opt<one<','>>,
                            star<ws, partial_attribute, ws, opt<one<','>>>, ws, must<end_of_partial>> {};
struct include_markup : partial_markup<partial_name> {};
struct render_markup : partial_markup<partial_string_name> {};

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
template <> inline constexpr const char* errors::message<case_subject> = "expected a value after 'case'";
template <> inline constexpr const char* errors::message<end_of_case> = "unexpected text after the case value";
template <> inline constexpr const char* errors::message<when_value> = "expected a value in 'when'";
template <> inline constexpr const char* errors::message<end_of_when> = "unexpected text; expected ',' or 'or' and another value, or the end of 'when'";
template <> inline constexpr const char* errors::message<cycle_first> = "expected a value after 'cycle'";
template <> inline constexpr const char* errors::message<cycle_value> = "expected a value in 'cycle'";
template <> inline constexpr const char* errors::message<end_of_cycle> = "unexpected text; expected ',' and another value, or the end of 'cycle'";
template <> inline constexpr const char* errors::message<attribute_colon> = "expected ':' after the attribute name";
template <> inline constexpr const char* errors::message<end_of_tablerow> = "unexpected text in tablerow; expected an attribute ('cols:', 'limit:', 'offset:') or the end";
template <> inline constexpr const char* errors::message<partial_name> = "expected a template name";
template <> inline constexpr const char* errors::message<partial_string_name> = "Template name must be a quoted string";
template <> inline constexpr const char* errors::message<partial_variable> = "expected a value after 'with' or 'for'";
template <> inline constexpr const char* errors::message<partial_alias> = "expected a name after 'as'";
template <> inline constexpr const char* errors::message<partial_attribute_value> = "expected a value for the attribute";
template <> inline constexpr const char* errors::message<end_of_partial> = "unexpected text; expected 'with', 'for', 'as', an attribute or the end";

}  // namespace liquid::grammar
