using k8s.Models;

namespace ArgoSecure.Validation;

/// <summary>Kubernetes resource quantities (<c>100m</c>, <c>128Mi</c>).</summary>
internal static class Quantities
{
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        try
        {
            _ = new ResourceQuantity(value).ToDecimal();
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
