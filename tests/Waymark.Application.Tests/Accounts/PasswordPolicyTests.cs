using Waymark.Application.Accounts;

namespace Waymark.Application.Tests.Accounts;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("short")]
    [InlineData("1234567")]
    [InlineData("password")]
    [InlineData("Password1")]
    [InlineData("qwertyuiop")]
    [InlineData("iloveyou")]
    public void Check_ShortOrCommon_IsRejected(string password) => Assert.NotNull(PasswordPolicy.Check(password, "someone@example.com"));

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("lowercaseonlyisfine")]
    [InlineData("Tr4vel-journal-2026")]
    public void Check_LongOrUncommon_IsAccepted_WithoutCompositionRules(string password) => Assert.Null(PasswordPolicy.Check(password, "someone@example.com"));

    [Fact]
    public void Check_PassphraseOf200Characters_IsAccepted() => Assert.Null(PasswordPolicy.Check(new string('x', 150) + " with spaces and more words", "a@b.c"));

    [Fact]
    public void Check_SameAsEmail_IsRejected() => Assert.NotNull(PasswordPolicy.Check("someone@example.com", "someone@example.com"));

    [Theory]
    [InlineData(" Someone@Example.COM ", "someone@example.com")]
    [InlineData("no-at-sign", null)]
    [InlineData("two@@signs", null)]
    [InlineData("", null)]
    public void Normalize_Email_TrimsLowercasesOrRejects(string input, string? expected) => Assert.Equal(expected, EmailAddress.Normalize(input));
}
