import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  Flow,
  MappingDefinition,
  MappingDraft,
  MappingImpactReport,
  MappingImpactRequest,
  MappingPublishResult,
  MappingReplayCandidates,
  MappingReplayRequest,
  MappingReplayResult,
  MappingSample,
  MappingSampleQuery,
  MappingTestReport,
  MappingVersionDetail,
  MappingVersionDiff,
  MappingVersionSummary,
  PublishMappingDraftRequest,
  SaveMappingDraftRequest,
} from '@ferry/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from '../../core/api-url';

/** The mapping editor's endpoints (`/mappings/:flow/…`, libs/contracts mapping-editor.ts). */
@Injectable({ providedIn: 'root' })
export class MappingsApi {
  private readonly http = inject(HttpClient);

  private url(flow: Flow, rest = ''): string {
    return apiUrl(`mappings/${encodeURIComponent(flow)}${rest}`);
  }

  active(flow: Flow): Observable<MappingVersionDetail> {
    return this.http.get<MappingVersionDetail>(this.url(flow));
  }

  versions(flow: Flow): Observable<MappingVersionSummary[]> {
    return this.http.get<MappingVersionSummary[]>(this.url(flow, '/versions'));
  }

  version(flow: Flow, version: number): Observable<MappingVersionDetail> {
    return this.http.get<MappingVersionDetail>(this.url(flow, `/versions/${version}`));
  }

  draft(flow: Flow): Observable<MappingDraft> {
    return this.http.get<MappingDraft>(this.url(flow, '/draft'));
  }

  saveDraft(flow: Flow, request: SaveMappingDraftRequest): Observable<MappingDraft> {
    return this.http.put<MappingDraft>(this.url(flow, '/draft'), request);
  }

  discardDraft(flow: Flow): Observable<void> {
    return this.http.delete<void>(this.url(flow, '/draft'));
  }

  runTests(flow: Flow, definition: MappingDefinition): Observable<MappingTestReport> {
    return this.http.post<MappingTestReport>(this.url(flow, '/draft/test'), { definition });
  }

  samples(flow: Flow, query: MappingSampleQuery = {}): Observable<MappingSample[]> {
    let params = new HttpParams();
    if (query.limit !== undefined) params = params.set('limit', query.limit);
    if (query.status !== undefined) params = params.set('status', query.status);
    if (query.search) params = params.set('search', query.search);
    if (query.errorId) params = params.set('errorId', query.errorId);
    return this.http.get<MappingSample[]>(this.url(flow, '/samples'), { params });
  }

  impact(flow: Flow, request: MappingImpactRequest): Observable<MappingImpactReport> {
    return this.http.post<MappingImpactReport>(this.url(flow, '/draft/impact'), request);
  }

  publish(flow: Flow, request: PublishMappingDraftRequest): Observable<MappingPublishResult> {
    return this.http.post<MappingPublishResult>(this.url(flow, '/draft/publish'), request);
  }

  rollback(flow: Flow, version: number, note?: string): Observable<MappingVersionDetail> {
    return this.http.post<MappingVersionDetail>(this.url(flow, `/versions/${version}/rollback`), note ? { note } : {});
  }

  diff(flow: Flow, version: number): Observable<MappingVersionDiff> {
    return this.http.get<MappingVersionDiff>(this.url(flow, `/versions/${version}/diff`));
  }

  /** The active version's definition as a JSON file's text. */
  exportDefinition(flow: Flow): Observable<string> {
    return this.http.get(this.url(flow, '/export'), { responseType: 'text', headers: { accept: 'application/json' } });
  }

  /** A definition file (the bare MappingDefinition, as exported) becomes the draft. */
  importDefinition(flow: Flow, definition: unknown): Observable<MappingDraft> {
    return this.http.post<MappingDraft>(this.url(flow, '/import'), definition);
  }

  replayCandidates(flow: Flow): Observable<MappingReplayCandidates> {
    return this.http.get<MappingReplayCandidates>(this.url(flow, '/replay'));
  }

  replay(flow: Flow, request: MappingReplayRequest): Observable<MappingReplayResult> {
    return this.http.post<MappingReplayResult>(this.url(flow, '/replay'), request);
  }
}
