using Microsoft.AspNetCore.Components;

namespace MlCareer.Web.Features.Account;

/// <summary>Links to the sign-in and registration forms that bring the user back where they were.</summary>
public static class AccountLinks
{
    public static string LoginUrl(this NavigationManager navigation, string? returnUrl) => WithReturn(navigation, "/account/login", returnUrl);

    public static string RegisterUrl(this NavigationManager navigation, string? returnUrl) => WithReturn(navigation, "/account/register", returnUrl);

    /// <summary>The current page as a local URL ("/areas/math?x=1"), to come back to after signing in.</summary>
    public static string CurrentLocalUrl(this NavigationManager navigation) => "/" + navigation.ToBaseRelativePath(navigation.Uri);

    private static string WithReturn(NavigationManager navigation, string form, string? returnUrl) =>
        navigation.GetUriWithQueryParameters(form, new Dictionary<string, object?> { ["ReturnUrl"] = returnUrl });
}
