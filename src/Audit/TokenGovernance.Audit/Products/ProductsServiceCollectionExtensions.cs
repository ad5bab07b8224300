using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TokenGovernance.Audit.Products;

public static class ProductsServiceCollectionExtensions
{
    /// <summary>Declares a product a plug-in reads: the catalog, the validators and the reports learn it from here.</summary>
    public static IServiceCollection AddProduct(this IServiceCollection services, ProductDescriptor product)
    {
        services.AddSingleton(product);
        return services.AddProductCatalog();
    }

    /// <summary>The catalog of the declared products (empty when none is: an engine used without plug-ins).</summary>
    public static IServiceCollection AddProductCatalog(this IServiceCollection services)
    {
        services.TryAddSingleton(provider => new ProductCatalog(provider.GetServices<ProductDescriptor>()));
        return services;
    }
}
