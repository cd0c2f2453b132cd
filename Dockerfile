# MlCareer container image: the published app on the ASP.NET runtime image, as a non-root user, with its SQLite
# database in a volume. Build: docker build -t mlcareer .   Run: see README ("Run it in a container").
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files and the MSBuild files they import only (restore evaluates the projects, so a
# missing import fails it), so the layer is reused until one of them changes. ContainerRecipeTests keeps this list whole.
COPY Directory.Build.props Directory.Packages.props global.json ./
COPY src/MlCareer.Content/MlCareer.Content.csproj src/MlCareer.Content/
COPY src/MlCareer.Web/MlCareer.Web.csproj src/MlCareer.Web/StartupTuning.props src/MlCareer.Web/PackageAssetCompression.targets src/MlCareer.Web/
RUN dotnet restore src/MlCareer.Web/MlCareer.Web.csproj
COPY src/ src/
COPY content/ content/
# The same command the tests run against (tests/…/PublishedApp): the published folder carries content/.
RUN dotnet publish src/MlCareer.Web/MlCareer.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# SkiaSharp (the share links' radar PNG) needs fontconfig, and a font for the radar's labels; the runtime image has neither.
RUN apt-get update && apt-get install -y --no-install-recommends libfontconfig1 fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
# The image's non-root user (APP_UID) owns only the data folder: the database, its WAL files and nothing else.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
USER $APP_UID
VOLUME /app/data
# ASPNETCORE_HTTP_PORTS=8080 comes from the base image; TLS is the reverse proxy's job (README, Security).
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["dotnet", "MlCareer.Web.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "MlCareer.Web.dll"]
