/*
 * Python 3.13 syntax, written for pitfall from the "Full Grammar specification" chapter of the
 * Python Language Reference.
 *
 * Design (see ../shared/research/antlr-python-notes.md): the grammar must be unambiguous and
 * predictable with SLL alone, so it is a cover grammar wherever CPython's PEG grammar relies on
 * backtracking. AstBuilder classifies and validates what this grammar deliberately over-accepts:
 * assignment/delete targets (parsed as expressions), argument and parameter ordering, tuple vs
 * group vs generator in parentheses, parenthesised with-items and pattern shapes.
 */
parser grammar PythonParser;

options {
    tokenVocab = PythonLexer;
    contextSuperClass = PythonRuleContext;
    superClass = PythonParserBase;
}

// The action lets SourceParser build each statement's AST while its parse tree is fresh.
file_input
    : (statement { statementParsed($ctx); } | NEWLINE)* EOF
    ;

statement
    : compound_stmt
    | simple_stmts
    ;

simple_stmts
    : simple_stmt (SEMI simple_stmt)* SEMI? NEWLINE
    ;

simple_stmt
    : expr_stmt
    | type_alias
    | RETURN star_expressions?
    | import_stmt
    | RAISE (expression (FROM expression)?)?
    | PASS
    | DEL star_expressions
    | ASSERT expression (COMMA expression)?
    | BREAK
    | CONTINUE
    | GLOBAL name (COMMA name)*
    | NONLOCAL name (COMMA name)*
    ;

// Every assignment form, an annotated declaration, an augmented assignment or an expression
// statement: targets are parsed as expressions and checked by the builder.
expr_stmt
    : rhs (augassign rhs | COLON expression (EQUAL rhs)? | (EQUAL rhs)*)
    ;

rhs
    : yield_expr
    | star_expressions
    ;

augassign
    : PLUSEQUAL | MINEQUAL | STAREQUAL | ATEQUAL | SLASHEQUAL | PERCENTEQUAL | AMPEREQUAL
    | VBAREQUAL | CIRCUMFLEXEQUAL | LEFTSHIFTEQUAL | RIGHTSHIFTEQUAL | DOUBLESTAREQUAL
    | DOUBLESLASHEQUAL
    ;

type_alias
    : TYPE name type_params? EQUAL expression
    ;

import_stmt
    : IMPORT dotted_as_name (COMMA dotted_as_name)*
    | FROM (DOT | ELLIPSIS)* dotted_name? IMPORT (STAR | LPAR import_as_names RPAR | import_as_names)
    ;

import_as_names
    : import_as_name (COMMA import_as_name)* COMMA?
    ;

import_as_name
    : name (AS name)?
    ;

dotted_as_name
    : dotted_name (AS name)?
    ;

dotted_name
    : name (DOT name)*
    ;

compound_stmt
    : if_stmt
    | while_stmt
    | for_stmt
    | try_stmt
    | with_stmt
    | funcdef
    | classdef
    | decorated
    | match_stmt
    | ASYNC (funcdef | with_stmt | for_stmt)
    ;

block
    : NEWLINE INDENT statement+ DEDENT
    | simple_stmts
    ;

if_stmt
    : IF named_expression COLON block (ELIF named_expression COLON block)* (ELSE COLON block)?
    ;

while_stmt
    : WHILE named_expression COLON block (ELSE COLON block)?
    ;

for_stmt
    : FOR target_list IN star_expressions COLON block (ELSE COLON block)?
    ;

try_stmt
    : TRY COLON block (except_clause+ (ELSE COLON block)? (FINALLY COLON block)? | FINALLY COLON block)
    ;

except_clause
    : EXCEPT STAR? (expression (AS name)?)? COLON block
    ;

// `with (a, b):` is parsed as one item whose expression is a parenthesised atom; the builder
// turns such an atom into several items, as CPython's first with-alternative does.
with_stmt
    : WITH with_item (COMMA with_item)* COLON block
    ;

with_item
    : expression (AS target)?
    ;

decorated
    : (AT named_expression NEWLINE)+ (funcdef | classdef | ASYNC funcdef)
    ;

funcdef
    : DEF name type_params? LPAR parameters? RPAR (RARROW expression)? COLON block
    ;

parameters
    : parameter (COMMA parameter)* COMMA?
    ;

parameter
    : param (EQUAL expression)?
    | STAR param?
    | DOUBLESTAR param
    | SLASH
    ;

param
    : name (COLON (expression | STAR expr))?
    ;

classdef
    : CLASS name type_params? (LPAR arguments? RPAR)? COLON block
    ;

type_params
    : LSQB type_param (COMMA type_param)* COMMA? RSQB
    ;

type_param
    : name (COLON expression)? (EQUAL expression)?
    | STAR name (EQUAL (expression | STAR expr))?
    | DOUBLESTAR name (EQUAL expression)?
    ;

match_stmt
    : MATCH star_named_expressions COLON NEWLINE INDENT case_block+ DEDENT
    ;

case_block
    : CASE pattern_list (IF named_expression)? COLON block
    ;

// A bare `p` is that pattern; anything with a comma or a star is a sequence.
pattern_list
    : star_pattern (COMMA star_pattern)* COMMA?
    ;

star_pattern
    : STAR name
    | pattern
    ;

pattern
    : closed_pattern (VBAR closed_pattern)* (AS name)?
    ;

closed_pattern
    : signed_number ((PLUS | MINUS) NUMBER)?                       # numberPattern
    | strings                                                      # stringPattern
    | (NONE | TRUE | FALSE)                                        # singletonPattern
    | name (DOT name)* (LPAR class_pattern_args? RPAR)?            # namePattern
    | LPAR pattern_list? RPAR                                      # parenPattern
    | LSQB pattern_list? RSQB                                      # listPattern
    | LBRACE (mapping_item (COMMA mapping_item)* COMMA?)? RBRACE   # mappingPattern
    ;

signed_number
    : MINUS? NUMBER
    ;

mapping_item
    : DOUBLESTAR name
    | mapping_key COLON pattern
    ;

mapping_key
    : signed_number ((PLUS | MINUS) NUMBER)?
    | strings
    | NONE | TRUE | FALSE
    | name (DOT name)+
    ;

class_pattern_args
    : class_pattern_arg (COMMA class_pattern_arg)* COMMA?
    ;

class_pattern_arg
    : name EQUAL pattern
    | pattern
    ;

// ---------------------------------------------------------------------------------- expressions

star_expressions
    : star_expression (COMMA star_expression)* COMMA?
    ;

star_expression
    : STAR expr
    | expression
    ;

star_named_expressions
    : star_named_expression (COMMA star_named_expression)* COMMA?
    ;

star_named_expression
    : STAR expr
    | named_expression
    ;

named_expression
    : name COLONEQUAL expression
    | expression
    ;

expression
    : disjunction (IF disjunction ELSE expression)?
    | lambdef
    ;

// `and` binds tighter than `or`, and `not` tighter than both; the builder groups this flat list.
// Keeping `not` out of `expr` keeps `a is not b` unambiguous: no operand of an operator can
// start with `not`.
disjunction
    : NOT* expr ((AND | OR) NOT* expr)*
    ;

yield_expr
    : YIELD (FROM expression | star_expressions)?
    ;

lambdef
    : LAMBDA lambda_parameters? COLON expression
    ;

lambda_parameters
    : lambda_parameter (COMMA lambda_parameter)* COMMA?
    ;

lambda_parameter
    : name (EQUAL expression)?
    | STAR name?
    | DOUBLESTAR name
    | SLASH
    ;

// Every operand of the binary and comparison operators, each with its prefix operators (`-`, `+`,
// `~`, `await`), and the operators between them, as one flat list: the builder groups it by
// precedence as CPython's rules from `comparison` down to `await_primary` do. Flat, every decision
// of the rule takes one token of lookahead, where a left-recursive rule predicts each operator with
// the full prediction machinery and nests a context per operator. No operand can start with `not`,
// so `a is not b` and `a not in b` are unambiguous.
expr
    : (PLUS | MINUS | TILDE)* AWAIT? primary
      ( ( DOUBLESTAR | STAR | SLASH | DOUBLESLASH | PERCENT | AT | PLUS | MINUS | LEFTSHIFT | RIGHTSHIFT
        | AMPER | CIRCUMFLEX | VBAR | LESS | GREATER | EQEQUAL | GREATEREQUAL | LESSEQUAL | NOTEQUAL | IN
        | NOT IN | IS NOT?
        )
        (PLUS | MINUS | TILDE)* AWAIT? primary
      )*
    ;

// An atom and its trailers (attribute, call, subscription) as the children of one context, which
// the builder folds from the left; as in `expr`, one token of lookahead decides everything.
primary
    : ( (NAME | MATCH | CASE | TYPE | UNDERSCORE)
      | (TRUE | FALSE | NONE | ELLIPSIS)
      | NUMBER
      | strings
      | LPAR paren_body? RPAR
      | LSQB list_body? RSQB
      | LBRACE brace_body? RBRACE
      )
      ( DOT (NAME | MATCH | CASE | TYPE | UNDERSCORE)
      | LPAR arguments? RPAR
      | LSQB slices RSQB
      )*
    ;

// `(x)`, `(x,)`, `(x for ...)`, `(yield)`; `as` items only make sense in a with statement.
paren_body
    : yield_expr
    | paren_item (comp_for | (COMMA paren_item)* COMMA?)
    ;

paren_item
    : star_named_expression (AS target)?
    ;

list_body
    : star_named_expression (comp_for | (COMMA star_named_expression)* COMMA?)
    ;

brace_body
    : DOUBLESTAR expr (COMMA dict_item)* COMMA?
    | STAR expr (COMMA star_named_expression)* COMMA?
    | named_expression (COLON expression (comp_for | (COMMA dict_item)* COMMA?) | comp_for | (COMMA star_named_expression)* COMMA?)
    ;

dict_item
    : DOUBLESTAR expr
    | expression COLON expression
    ;

comp_for
    : (ASYNC? FOR target_list IN disjunction (IF disjunction)*)+
    ;

target_list
    : target (COMMA target)* COMMA?
    ;

target
    : STAR? primary
    ;

name
    : NAME | MATCH | CASE | TYPE | UNDERSCORE
    ;

// One list for every call; ordering rules and the lone-generator rule are checked by the builder.
arguments
    : argument (COMMA argument)* COMMA?
    ;

argument
    : name EQUAL expression
    | STAR expression
    | DOUBLESTAR expression
    | named_expression comp_for?
    ;

slices
    : slice (COMMA slice)* COMMA?
    ;

slice
    : STAR expr
    | named_expression (COLON expression? (COLON expression?)?)?
    | COLON expression? (COLON expression?)?
    ;

strings
    : (STRING | fstring)+
    ;

fstring
    : FSTRING_START fstring_part* FSTRING_END
    ;

fstring_part
    : FSTRING_MIDDLE
    | replacement_field
    ;

replacement_field
    : LBRACE rhs EQUAL? (EXCLAMATION name)? (COLON format_spec_part*)? RBRACE
    ;

format_spec_part
    : FSTRING_MIDDLE
    | replacement_field
    ;
