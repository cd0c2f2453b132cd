using Microsoft.AspNetCore.Identity;

namespace MlCareer.Web.Features.Account;

/// <summary>
/// Identity's sentence for a taken address names it as taken ("Username '…' is already taken."), which tells anyone which
/// e-mails have accounts. This one is neutral and is the same for the user name and the e-mail (both are the address).
/// </summary>
public sealed class AccountErrorDescriber : IdentityErrorDescriber
{
    public const string AddressNotAvailable = "An account could not be created with this e-mail address. If you have signed up before, sign in instead.";

    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = AddressNotAvailable };

    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = AddressNotAvailable };
}
