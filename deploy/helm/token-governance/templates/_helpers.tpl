{{/* Chart name, truncated to the DNS label limit. */}}
{{- define "token-governance.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Fully qualified app name. */}}
{{- define "token-governance.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "token-governance.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Common labels. */}}
{{- define "token-governance.labels" -}}
helm.sh/chart: {{ include "token-governance.chart" . }}
{{ include "token-governance.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: token-governance
{{- end }}

{{/* Selector labels. */}}
{{- define "token-governance.selectorLabels" -}}
app.kubernetes.io/name: {{ include "token-governance.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "token-governance.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "token-governance.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The Secret holding the audit token, and its key. */}}
{{- define "token-governance.tokenSecretName" -}}
{{- if .Values.influx.existingSecret.name }}{{ .Values.influx.existingSecret.name }}{{ else }}{{ include "token-governance.fullname" . }}-token{{ end }}
{{- end }}

{{- define "token-governance.tokenSecretKey" -}}
{{- if .Values.influx.existingSecret.key }}{{ .Values.influx.existingSecret.key }}{{ else }}token{{ end }}
{{- end }}

{{/* The worker's TokenGovernance settings as JSON: values.config plus what the chart mounts. */}}
{{- define "token-governance.config" -}}
{{- $config := deepCopy .Values.config }}
{{- $targets := list }}
{{- range $config.Targets }}
{{- $target := . }}
{{- if not (hasKey $target "TokenFile") }}
{{- $_ := set $target "TokenFile" (printf "%s/token" $.Values.influx.tokenMountPath) }}
{{- end }}
{{- $targets = append $targets $target }}
{{- end }}
{{- $_ := set $config "Targets" $targets }}
{{- if .Values.references.kubernetes.enabled }}
{{- $kubernetes := dict "Enabled" true "Namespaces" .Values.references.kubernetes.namespaces "LabelSelector" .Values.references.kubernetes.labelSelector "Secrets" .Values.references.kubernetes.secrets "ConfigMaps" .Values.references.kubernetes.configMaps }}
{{- $references := default dict $config.References }}
{{- $_ := set $references "Kubernetes" $kubernetes }}
{{- $_ := set $config "References" $references }}
{{- end }}
{{- $mode := include "token-governance.authenticationMode" . }}
{{- $http := default dict $config.Http }}
{{- $authentication := dict "Mode" $mode "ProtectMetrics" .Values.http.authentication.protectMetrics }}
{{- if eq $mode "bearer" }}
{{- $files := list }}
{{- range .Values.http.authentication.bearer.keys }}
{{- $files = append $files (printf "/var/run/secrets/tokengovernance-readers/%s" .) }}
{{- end }}
{{- $_ := set $authentication "TokenFiles" $files }}
{{- end }}
{{- $_ := set $http "Authentication" $authentication }}
{{- $_ := set $config "Http" $http }}
{{- if eq .Values.scheduler.store "postgres" }}
{{- $scheduler := default dict $config.Scheduler }}
{{- $_ := set $scheduler "Store" "postgres" }}
{{- $_ := set $scheduler "ConnectionStringFile" "/var/run/secrets/tokengovernance-db/connection" }}
{{- $_ := set $config "Scheduler" $scheduler }}
{{- end }}
{{- dict "TokenGovernance" $config | toPrettyJson }}
{{- end }}

{{/*
Who may read /tokens and /report: http.authentication.mode, or by default kubernetes (TokenReview and
SubjectAccessReview) when the config exposes either, else none (nothing that shows the inventory is served).
*/}}
{{- define "token-governance.authenticationMode" -}}
{{- $http := default dict .Values.config.Http -}}
{{- if .Values.http.authentication.mode -}}
{{- .Values.http.authentication.mode -}}
{{- else if or $http.ExposeTokens $http.ExposeReport .Values.http.authentication.protectMetrics -}}
kubernetes
{{- else -}}
none
{{- end -}}
{{- end }}

{{/* The pod talks to the Kubernetes API: reference sources, or token and access reviews. */}}
{{- define "token-governance.usesKubernetesApi" -}}
{{- if or .Values.references.kubernetes.enabled (eq (include "token-governance.authenticationMode" .) "kubernetes") -}}true{{- else -}}false{{- end -}}
{{- end }}
