using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace TokenGovernance.Analyzers
{
    /// <summary>Finds, with the semantic model, the arguments and assigned values that reach a token position.</summary>
    internal static class TokenSinkFinder
    {
        public static List<TokenSink> Find(SyntaxNode node, SemanticModel model, InfluxClientSymbols symbols, CancellationToken cancellationToken) =>
            Find(model.GetOperation(node, cancellationToken), symbols);

        /// <summary>For operation actions: the operation the analyzer driver already built (shared with other analyzers).</summary>
        public static List<TokenSink> Find(IOperation? operation, InfluxClientSymbols symbols)
        {
            var sinks = new List<TokenSink>();
            switch (operation)
            {
                case IObjectCreationOperation creation when creation.Constructor is not null:
                    AddArguments(creation.Constructor, creation.Arguments, symbols, sinks);
                    break;
                case IInvocationOperation invocation:
                    AddArguments(invocation.TargetMethod, invocation.Arguments, symbols, sinks);
                    break;
                case IInvalidOperation { Syntax: BaseObjectCreationExpressionSyntax or InvocationExpressionSyntax } invalid when invalid.SemanticModel is not null:
                    // Code the IDE analyzes while it is being typed: no overload binds, the candidates tell the positions.
                    AddCandidateArguments(invalid, symbols, sinks);
                    break;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment
                    when property.Property.Name is "Token" or "Password" && symbols.IsClientType(property.Property.ContainingType)
                         && assignment.Value.Syntax is ExpressionSyntax assigned:
                    var kind = property.Property.Name == "Token" ? TokenSinkKind.Token : TokenSinkKind.Password;
                    sinks.Add(new TokenSink(Unwrap(assigned), kind, property.Property.ContainingType.Name + "." + property.Property.Name));
                    break;
            }

            return sinks;
        }

        private static void AddArguments(IMethodSymbol method, System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, InfluxClientSymbols symbols, List<TokenSink> sinks)
        {
            var type = method.ContainingType;
            if (symbols.IsClientType(type))
            {
                foreach (var argument in arguments)
                {
                    if (argument.Parameter is null || argument.ArgumentKind != ArgumentKind.Explicit || argument.Value.Syntax is not ExpressionSyntax value)
                    {
                        continue;
                    }

                    var parameter = argument.Parameter.Name;
                    var description = (method.MethodKind == MethodKind.Constructor ? type.Name : type.Name + "." + method.Name) + "(" + parameter + ")";
                    if (string.Equals(parameter, "token", StringComparison.OrdinalIgnoreCase))
                    {
                        sinks.Add(new TokenSink(Unwrap(value), TokenSinkKind.Token, description));
                    }
                    else if (string.Equals(parameter, "password", StringComparison.OrdinalIgnoreCase))
                    {
                        sinks.Add(new TokenSink(Unwrap(value), TokenSinkKind.Password, description));
                    }
                    else if (parameter is "connectionString" or "url" or "host" && argument.Parameter.Type.SpecialType == SpecialType.System_String)
                    {
                        sinks.Add(new TokenSink(Unwrap(value), TokenSinkKind.ConnectionString, description));
                    }
                }

                return;
            }

            if (method.MethodKind == MethodKind.Constructor
                && SymbolEqualityComparer.Default.Equals(type, symbols.AuthenticationHeaderValue)
                && arguments.Length == 2
                && arguments[0].Value.ConstantValue is { HasValue: true, Value: string scheme }
                && (scheme.Equals("Token", StringComparison.OrdinalIgnoreCase) || scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
                && arguments[1].Value.Syntax is ExpressionSyntax parameterValue)
            {
                sinks.Add(new TokenSink(Unwrap(parameterValue), TokenSinkKind.Token, "AuthenticationHeaderValue(\"" + scheme + "\", parameter)"));
                return;
            }

            if ((method.Name == "Add" || method.Name == "TryAddWithoutValidation")
                && arguments.Length == 2
                && method.Parameters[1].Type.SpecialType == SpecialType.System_String
                && symbols.IsHttpHeaders(type)
                && arguments[0].Value.ConstantValue is { HasValue: true, Value: string header }
                && header.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
                && arguments[1].Value.Syntax is ExpressionSyntax headerValue)
            {
                sinks.Add(new TokenSink(Unwrap(headerValue), TokenSinkKind.AuthorizationHeader, "Authorization header"));
            }
        }

        private static void AddCandidateArguments(IInvalidOperation invalid, InfluxClientSymbols symbols, List<TokenSink> sinks)
        {
            var arguments = invalid.Syntax switch
            {
                BaseObjectCreationExpressionSyntax creation => creation.ArgumentList?.Arguments,
                InvocationExpressionSyntax invocation => invocation.ArgumentList.Arguments,
                _ => null,
            };
            if (arguments is not { Count: > 0 } list)
            {
                return;
            }

            var info = invalid.SemanticModel!.GetSymbolInfo(invalid.Syntax);
            foreach (var candidate in info.CandidateSymbols)
            {
                if (candidate is not IMethodSymbol method || !symbols.IsClientType(method.ContainingType) || method.Parameters.Length < list.Count)
                {
                    continue;
                }

                for (var index = 0; index < list.Count; index++)
                {
                    var argument = list[index];
                    var parameter = argument.NameColon is { } named
                        ? method.Parameters.FirstOrDefault(candidateParameter => candidateParameter.Name == named.Name.Identifier.ValueText)
                        : method.Parameters[index];
                    if (parameter is null)
                    {
                        continue;
                    }

                    var description = (method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.ContainingType.Name + "." + method.Name) + "(" + parameter.Name + ")";
                    if (string.Equals(parameter.Name, "token", StringComparison.OrdinalIgnoreCase))
                    {
                        sinks.Add(new TokenSink(Unwrap(argument.Expression), TokenSinkKind.Token, description));
                    }
                    else if (string.Equals(parameter.Name, "password", StringComparison.OrdinalIgnoreCase))
                    {
                        sinks.Add(new TokenSink(Unwrap(argument.Expression), TokenSinkKind.Password, description));
                    }
                }

                // The first candidate that fits is the overload being typed; more would report the same literal twice.
                return;
            }
        }

        private static ExpressionSyntax Unwrap(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            return expression;
        }
    }
}
