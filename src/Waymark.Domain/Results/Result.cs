using System.Diagnostics.CodeAnalysis;

namespace Waymark.Domain.Results;

/// <summary>Either a value or the <see cref="Error"/> that prevented it. Never both, never neither.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>The failure, or null on success.</summary>
    public Error? Error { get; }

    /// <summary>True when there is a value.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>The value; reading it on a failure is a bug and throws.</summary>
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"No value: {Error.Code}.");

    /// <summary>A success.</summary>
    public static Result<T> Success(T value) => new(value, null);

    /// <summary>A failure.</summary>
    public static Result<T> Failure(Error error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    /// <summary>Wraps a value.</summary>
    public static implicit operator Result<T>(T value) => Success(value);

    /// <summary>Wraps an error.</summary>
    public static implicit operator Result<T>(Error error) => Failure(error);

    /// <summary>Applies <paramref name="next"/> to the value, or passes the error on.</summary>
    public Result<TNext> Then<TNext>(Func<T, Result<TNext>> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return IsSuccess ? next(_value!) : Result<TNext>.Failure(Error);
    }
}
