// The PEGTL grammar of the topology language. See dsl/README.md for the
// language itself; every point where the parser commits has a message in
// dsl/grammar_errors.h, so a syntax error always reads like a sentence.
#pragma once

#include <tao/pegtl.hpp>

namespace topoc::dsl::grammar {

namespace pegtl = tao::pegtl;

// Whitespace and comments: `# ...`, `// ...` and `/* ... */`.
struct line_comment : pegtl::seq<pegtl::sor<pegtl::one<'#'>, pegtl::two<'/'>>,
                                 pegtl::until<pegtl::eolf>> {};
struct block_comment_end : pegtl::string<'*', '/'> {};
struct block_comment : pegtl::if_must<pegtl::string<'/', '*'>,
                                      pegtl::until<block_comment_end, pegtl::any>> {};
struct comment : pegtl::sor<line_comment, block_comment> {};
struct skip : pegtl::star<pegtl::sor<pegtl::space, comment>> {};

// Identifiers allow `-` and `.` after the first character so that values
// such as `active-active`, `eu-data-boundary` and `cosmos.replication_lag`
// need no quotes.
struct ident_first : pegtl::ranges<'a', 'z', 'A', 'Z', '_'> {};
struct ident_rest : pegtl::ranges<'a', 'z', 'A', 'Z', '0', '9', '_', '_', '-', '-', '.', '.'> {};
struct identifier : pegtl::seq<ident_first, pegtl::star<ident_rest>> {};

// Strings: double-quoted, on one line, with C-like escapes.
struct escape_unicode : pegtl::seq<pegtl::one<'u'>, pegtl::one<'{'>,
                                   pegtl::rep_min_max<1, 6, pegtl::xdigit>, pegtl::one<'}'>> {};
struct escape_char : pegtl::one<'"', '\\', 'n', 't', 'r', '$', '%'> {};
struct escape_sequence : pegtl::sor<escape_char, escape_unicode> {};
struct escaped : pegtl::if_must<pegtl::one<'\\'>, escape_sequence> {};
struct string_char : pegtl::sor<escaped, pegtl::not_one<'"', '\\', '\n', '\r'>> {};
struct string_close : pegtl::one<'"'> {};
struct string_body : pegtl::star<string_char> {};
struct string_literal : pegtl::if_must<pegtl::one<'"'>, string_body, string_close> {};

// Numbers, quantities (a number with a unit) and IPv4 CIDR blocks.
struct digits : pegtl::plus<pegtl::digit> {};
struct octet : pegtl::rep_min_max<1, 3, pegtl::digit> {};
struct cidr : pegtl::seq<octet, pegtl::one<'.'>, octet, pegtl::one<'.'>, octet, pegtl::one<'.'>,
                         octet, pegtl::one<'/'>, pegtl::rep_min_max<1, 2, pegtl::digit>> {};
struct number : pegtl::seq<pegtl::opt<pegtl::one<'-'>>, digits,
                           pegtl::opt<pegtl::one<'.'>, digits>> {};
struct unit : pegtl::sor<pegtl::one<'%'>, pegtl::plus<pegtl::alpha>> {};
struct quantity : pegtl::seq<number, pegtl::opt<unit>> {};

// Lists hold plain values; nesting lists is not part of the language.
struct scalar : pegtl::sor<string_literal, cidr, quantity, identifier> {};
struct list_separator : pegtl::seq<skip, pegtl::opt<pegtl::one<','>, skip>> {};
struct list_item : pegtl::seq<scalar> {};
struct list_close : pegtl::one<']'> {};
struct list_open : pegtl::one<'['> {};
struct list_body : pegtl::seq<skip, pegtl::star<list_item, list_separator>> {};
struct list : pegtl::if_must<list_open, list_body, list_close> {};
struct value : pegtl::sor<list, scalar> {};

struct key : identifier {};
struct label : pegtl::sor<string_literal, identifier> {};
// Labels stay on the line of their key: a name followed by a line break and
// a more-indented line is a block whose `{` is missing, not a name labelled
// by the first word of the next line (dsl/recovery.h relies on this).
struct inline_space : pegtl::star<pegtl::sor<pegtl::blank, block_comment>> {};
struct labels : pegtl::star<label, inline_space> {};

struct body;
struct block_open : pegtl::one<'{'> {};
struct block_close : pegtl::one<'}'> {};
struct attribute_value : value {};
struct assignment : pegtl::if_must<pegtl::one<'='>, skip, attribute_value> {};
struct block_rest : pegtl::if_must<block_open, body, block_close> {};
struct item_rest : pegtl::sor<assignment, block_rest> {};
struct item : pegtl::if_must<key, inline_space, labels, skip, item_rest> {};
struct body : pegtl::seq<skip, pegtl::star<item, skip>> {};

struct end_of_file : pegtl::eof {};
struct document : pegtl::must<body, end_of_file> {};

}  // namespace topoc::dsl::grammar
